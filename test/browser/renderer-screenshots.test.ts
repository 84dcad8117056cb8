import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HistoryEntry } from '../../shared/history';
import {
  SCREENSHOT_DIR,
  startRendererFixture,
  type RendererFixture,
} from '../support/renderer-fixture';
import {
  POPOVER_VIEWPORT,
  WINDOW_VIEWPORT,
  type RendererPage,
  type Scale,
  type Theme,
} from '../support/renderer-page';
import { historyWithLongFailure } from '../support/renderer-scenarios';
import { configTextWithErrors } from '../support/toolbox-double-config';

let fixture: RendererFixture;
let view: RendererPage | undefined;

beforeAll(async () => {
  fixture = await startRendererFixture();
});

afterEach(async () => {
  expect(view?.problems ?? []).toEqual([]);
  await view?.close();
  view = undefined;
});

afterAll(async () => {
  await fixture?.close();
});

interface Scene {
  name: string;
  hash: string;
  viewport?: { width: number; height: number };
  history: (rewstBaseUrl: string) => HistoryEntry[];
  /** Brings the view into the state worth looking at before the screenshot. */
  prepare?: (page: Page) => Promise<void>;
}

async function showSettingsProblems(page: Page): Promise<void> {
  const test = page.getByRole('region', { name: 'Test a pop' });
  await test.getByLabel('PSA company id').fill('250');
  await test.getByLabel('PSA contact id').fill('105');
  await test.getByRole('button', { name: 'Test' }).click();
  await test.locator('.timeline').waitFor();

  const editor = page.getByRole('textbox', { name: 'Config file (JSON)' });
  await editor.fill(configTextWithErrors(fixture.standIns.configInput));
  await page.locator('.config-issues').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
}

const scenes: Scene[] = [
  {
    name: 'popover',
    hash: '#/popover',
    viewport: POPOVER_VIEWPORT,
    history: historyWithLongFailure,
  },
  { name: 'popover-empty', hash: '#/popover', viewport: POPOVER_VIEWPORT, history: () => [] },
  { name: 'recent', hash: '#/recent', history: historyWithLongFailure },
  { name: 'recent-empty', hash: '#/recent', history: () => [] },
  // The main window's minimum size.
  {
    name: 'recent-narrow',
    hash: '#/recent',
    viewport: { width: 640, height: 480 },
    history: historyWithLongFailure,
  },
  { name: 'details', hash: '#/details/h-long-failure', history: historyWithLongFailure },
  {
    name: 'settings',
    hash: '#/settings',
    history: historyWithLongFailure,
    prepare: showSettingsProblems,
  },
];

const looks: Array<[Theme, Scale]> = [
  ['light', 100],
  ['dark', 100],
  ['light', 150],
  ['dark', 150],
];

describe('renderer screenshots', () => {
  for (const [scene, [theme, scale]] of scenes.flatMap((scene) =>
    looks.map((look) => [scene, look] as const),
  )) {
    it(`${scene.name} in ${theme} at ${scale}%`, async () => {
      const double = fixture.createDouble({ history: scene.history(fixture.rewstBaseUrl) });
      const viewport = scene.viewport ?? WINDOW_VIEWPORT;
      view = await fixture.open(double, { hash: scene.hash, theme, scale, viewport });
      await scene.prepare?.(view.page);

      const overflow = await view.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await view.page.screenshot({
        path: `${SCREENSHOT_DIR}/renderer-${scene.name}-${theme}-${scale}.png`,
        fullPage: true,
      });
    });
  }
});

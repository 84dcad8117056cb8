import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRendererFixture, type RendererFixture } from '../support/renderer-fixture';
import { POPOVER_VIEWPORT, type RendererPage } from '../support/renderer-page';
import { historyWithLongFailure } from '../support/renderer-scenarios';

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

async function open(hash: string, viewport = POPOVER_VIEWPORT) {
  const double = fixture.createDouble({ history: historyWithLongFailure(fixture.rewstBaseUrl) });
  view = await fixture.open(double, { hash, viewport });
  return { double, page: view.page };
}

/** Describes the focused element as "tag: accessible text", for comparing tab orders. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
    return `${element.tagName.toLowerCase()}: ${name.trim()}`;
  });
}

const controls = 'button:not([disabled]), input, select, textarea';

/**
 * Numbers every enabled control in document order, then presses Tab until focus comes back to
 * the first stop, and returns the numbers of the focused controls in the order Tab reached them.
 */
async function tabStops(page: Page, limit = 200): Promise<number[]> {
  await page
    .locator(controls)
    .evaluateAll((elements) =>
      elements.forEach((element, index) => element.setAttribute('data-stop', String(index))),
    );

  const stops: number[] = [];
  for (let index = 0; index < limit; index += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() =>
      Number(document.activeElement?.getAttribute('data-stop') ?? -1),
    );
    if (stops.length > 0 && stop === stops[0]) return stops;
    stops.push(stop);
  }
  throw new Error(`focus did not come back to the first control within ${limit} presses of Tab`);
}

describe('keyboard', () => {
  it('reaches every popover control in order', async () => {
    const { page } = await open('#/popover');
    await page.getByRole('button', { name: 'Settings' }).waitFor();

    const stops = (await tabStops(page)).filter((stop) => stop !== -1);
    const count = await page.locator(controls).count();

    expect(stops).toEqual(Array.from({ length: count }, (_, index) => index));
  });

  it('starts with the last caller’s forms', async () => {
    const { page } = await open('#/popover');

    await page.keyboard.press('Tab');

    expect(await focused(page)).toBe('button: Password reset');
    const section = await page.evaluate(() =>
      document.activeElement?.closest('section')?.getAttribute('aria-labelledby'),
    );
    expect(section).toBe('shortcuts-title');
  });

  it('shows a visible focus ring', async () => {
    const { page } = await open('#/popover');

    await page.keyboard.press('Tab');

    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline).toEqual({ style: 'solid', width: '3px' });
  });

  it('reopens a form with Enter', async () => {
    const { double, page } = await open('#/popover');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button: Reset MFA');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => double.requestsOn('pop:reopen'))
      .toEqual([{ historyId: 'h-liam-reset', formName: 'reset_mfa' }]);
  });

  it('opens error details with Space and closes them with Escape', async () => {
    const { double, page } = await open('#/popover');
    await page.getByRole('button', { name: /Microsoft Graph returned an error/ }).focus();

    await page.keyboard.press('Space');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Microsoft Graph returned an error');
    expect(double.state.openedWindows).toEqual([{ view: 'details', historyId: 'h-long-failure' }]);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.popover').count()).toBe(1);
  });

  it('moves focus to the details heading', async () => {
    const { page } = await open('#/details/h-long-failure', { width: 960, height: 720 });

    expect(await focused(page)).toBe('h1: Microsoft Graph returned an error');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button: Open the form with what is known');
  });

  it('switches views from the navigation', async () => {
    const { page } = await open('#/recent', { width: 960, height: 720 });

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button: Recent tickets');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button: Settings');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    expect(await page.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });
});

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { HistoryEntry } from '../../shared/history';
import { startRendererFixture, type RendererFixture } from '../support/renderer-fixture';
import { failedEntry, liam, successEntry, warningEntry } from '../support/renderer-history';
import type { RendererPage } from '../support/renderer-page';

/** The main window's minimum size in CSS pixels (electron/windows/app-window.ts). */
const MIN_WINDOW = { width: 640, height: 480 };
/** One unbroken PSA value, long enough to make an unwrapped page about 35,000 px wide. */
const LONG_VALUE = 'x'.repeat(3_000);
const LONG_EMAIL = `${'a'.repeat(200)}@${'contoso'.repeat(20)}.example`;

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

async function open(history: HistoryEntry[], hash: string): Promise<Page> {
  view = await fixture.open(fixture.createDouble({ history }), { hash, viewport: MIN_WINDOW });
  return view.page;
}

function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('hostile PSA text', () => {
  it('keeps Open on screen beside a long caller email', async () => {
    const caller = { ...liam, contactName: undefined, contactEmail: LONG_EMAIL };
    const page = await open(
      [successEntry('h-email', 5, caller, 'password_reset', fixture.rewstBaseUrl)],
      '#/recent',
    );
    const button = page.getByRole('button', { name: /^Open .* for / });
    await button.waitFor();
    const box = await button.boundingBox();

    expect(box).not.toBeNull();
    expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(MIN_WINDOW.width);
    expect(await pageWidth(page)).toBeLessThanOrEqual(MIN_WINDOW.width);
  });

  it('removes bidi and control characters from names', async () => {
    const caller = { ...liam, contactName: 'Liam\u202Egpj.exe', companyName: 'Con\ntoso\u0007' };
    const page = await open(
      [successEntry('h-bidi', 5, caller, 'password_reset', fixture.rewstBaseUrl)],
      '#/recent',
    );
    const row = page.locator('table.history tbody tr').first();
    await row.waitFor();

    expect(await row.locator('.caller-contact').textContent()).toBe('Liamgpj.exe');
    expect(await row.locator('.caller-company').textContent()).toBe('Con toso ');
  });

  it('wraps a long value in the details summary and warnings', async () => {
    const caller = { ...liam, companyName: LONG_VALUE };
    const error = {
      code: 'unknown_company' as const,
      message: `Company ${LONG_VALUE} was not found.`,
      fix: `Check ${LONG_VALUE} in the PSA.`,
    };
    const failed = failedEntry(
      'h-long',
      5,
      caller,
      'password_reset',
      { step: 'find_company', error },
      fixture.rewstBaseUrl,
    );
    const page = await open([failed], '#/details/h-long');
    await page.getByRole('heading', { level: 1 }).waitFor();

    expect(await pageWidth(page)).toBeLessThanOrEqual(MIN_WINDOW.width);
  });

  it('wraps a long warning', async () => {
    const warned = warningEntry('h-warn', 5, liam, 'password_reset', fixture.rewstBaseUrl);
    const page = await open([{ ...warned, warnings: [LONG_VALUE] }], '#/details/h-warn');
    await page.getByRole('region', { name: 'Warnings' }).waitFor();

    expect(await pageWidth(page)).toBeLessThanOrEqual(MIN_WINDOW.width);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../shared/history';
import { startRendererFixture, type RendererFixture } from '../support/renderer-fixture';
import type { RendererPage } from '../support/renderer-page';
import {
  ECHOED_TOKEN,
  historyWithLongFailure,
  longFailureEntry,
} from '../support/renderer-scenarios';

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

async function openDetails(historyId: string, extra: HistoryEntry[] = []) {
  const history = [...historyWithLongFailure(fixture.rewstBaseUrl), ...extra];
  const double = fixture.createDouble({ history });
  view = await fixture.open(double, { hash: `#/details/${historyId}` });
  return { double, page: view.page };
}

describe('error details', () => {
  it('shows the reason and the fix', async () => {
    const { page } = await openDetails('h-long-failure');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Microsoft Graph returned an error',
    );
    expect(await page.locator('.fix').textContent()).toContain('Try again in a few minutes.');
  });

  it('lists every step of a long timeline', async () => {
    const { page } = await openDetails('h-long-failure');
    const steps = page.locator('.timeline > li');

    expect(await steps.count()).toBe(12);
    expect(await steps.locator('.step-status').allTextContents()).toEqual([
      'OK',
      'OK',
      'OK',
      'OK',
      'OK',
      'OK',
      'Warning',
      'Warning',
      'Warning',
      'Failed',
      'Skipped',
      'Skipped',
    ]);
    expect(await steps.nth(9).textContent()).toContain('Upstream status: HTTP 503');
    expect(await steps.nth(9).locator('.step-ms').textContent()).toBe('4.2 s');
  });

  it('shows the warnings', async () => {
    const { page } = await openDetails('h-long-failure');
    const warnings = page.getByRole('region', { name: 'Warnings' }).getByRole('listitem');

    expect(await warnings.count()).toBe(3);
  });

  it('shows the screen pop parameters', async () => {
    const { page } = await openDetails('h-contact-404');
    const facts = page.getByRole('region', { name: 'Screen pop' });

    expect(await facts.locator('dt').allTextContents()).toEqual([
      'ticket_id',
      'company_id',
      'contact_id',
      'form_name',
    ]);
    expect(await facts.locator('dd').allTextContents()).toEqual([
      '5007',
      '250',
      '111',
      'user_offboarding',
    ]);
    expect(await page.locator('.summary').textContent()).toContain('Upstream status: HTTP 404');
  });

  it('opens the fallback link through main', async () => {
    const { double, page } = await openDetails('h-no-user');

    await page.getByRole('button', { name: 'Open the form with what is known' }).click();

    const expected = `${fixture.rewstBaseUrl}/form/f-reset_mfa?org_id=org-contoso&ticket_id=5011`;
    await expect.poll(() => double.requestsOn('link:open')).toEqual([{ url: expected }]);
    expect(double.state.openedLinks).toEqual([expected]);
  });

  it('says why main refused a link', async () => {
    const foreign = { ...longFailureEntry(fixture.rewstBaseUrl), id: 'h-foreign' };
    foreign.fallbackLink = 'https://rewst.example.net/form/f-password_reset';
    const { double, page } = await openDetails('h-foreign', [foreign]);

    await page.getByRole('button', { name: 'Open the form with what is known' }).click();

    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('not to the configured Rewst host');
    expect(double.state.openedLinks).toEqual([]);
  });

  it('copies a report with the steps and no secret', async () => {
    const { double, page } = await openDetails('h-long-failure');

    await page.getByRole('button', { name: 'Copy details' }).click();

    await expect.poll(() => double.state.clipboardText).toBeDefined();
    const report = double.state.clipboardText ?? '';
    expect(report).toContain('Microsoft Graph returned an error');
    expect(report).toContain('Upstream status: HTTP 503');
    for (const name of ['parse_request', 'get_ticket', 'find_directory_user', 'check_link']) {
      expect(report).toContain(name);
    }
    expect(report.match(/find_directory_user/g)).toHaveLength(4);
    expect(report).toContain('Bearer [removed]');
    expect(report).not.toContain(ECHOED_TOKEN);
    for (const secret of Object.values(fixture.standIns.secrets))
      expect(report).not.toContain(secret);
  });

  it('names an opened pop with warnings', async () => {
    const { page } = await openDetails('h-john-mfa');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'The form opened, with warnings',
    );
    expect(
      await page.getByRole('button', { name: 'Open the form with what is known' }).count(),
    ).toBe(0);
  });

  it('closes on Escape', async () => {
    const { page } = await openDetails('h-long-failure');

    await page.keyboard.press('Escape');

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Recent tickets');
  });

  it('explains a pop that left the history', async () => {
    const { page } = await openDetails('h-long-gone');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This screen pop is no longer in the history',
    );
  });
});

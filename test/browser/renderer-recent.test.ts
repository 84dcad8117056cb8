import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../shared/history';
import { startRendererFixture, type RendererFixture } from '../support/renderer-fixture';
import type { RendererPage } from '../support/renderer-page';
import { placeholderOnlyHistory, sampleHistory } from '../support/renderer-scenarios';

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

async function openRecent(history: HistoryEntry[] = sampleHistory(fixture.rewstBaseUrl)) {
  const double = fixture.createDouble({ history });
  view = await fixture.open(double, { hash: '#/recent' });
  const rows = view.page.locator('table.history tbody tr');
  return { double, page: view.page, rows };
}

/** Reads the time, caller and form shown in one table row. */
async function describeRow(row: Locator) {
  return {
    time: await row.locator('time').textContent(),
    ticket: await row.locator('.ticket-id').textContent(),
    contact: await row.locator('.caller-contact').textContent(),
    company: await row.locator('.caller-company').textContent(),
    form: await row.locator('td.form-column').textContent(),
  };
}

describe('recent tickets', () => {
  it('lists every pop, newest first', async () => {
    const { rows } = await openRecent();

    expect(await rows.count()).toBe(6);
    expect(await describeRow(rows.first())).toEqual({
      time: '2:28 PM',
      ticket: '#5001',
      contact: "Liam O'Brien",
      company: 'Contoso',
      form: 'Password reset',
    });
    expect(await describeRow(rows.last())).toEqual({
      time: 'Jun 11, 6:30 PM',
      ticket: '#5003',
      contact: 'John Smith',
      company: 'Contoso',
      form: 'Group membership',
    });
  });

  it('shows outcome and reason', async () => {
    const { rows } = await openRecent();

    expect(await rows.locator('.outcome').allTextContents()).toEqual([
      'Opened',
      'Opened with warnings',
      'Failed',
      'Failed',
      'Failed',
      'Opened',
    ]);
    expect(await rows.nth(2).locator('.reason').textContent()).toBe(
      'The PSA company is not mapped to a Rewst organization',
    );
  });

  it('reopens the row’s form by default', async () => {
    const { double, rows } = await openRecent();

    await rows.nth(1).getByRole('button', { name: 'Open Reset MFA for John Smith' }).click();

    await expect
      .poll(() => double.requestsOn('pop:reopen'))
      .toEqual([{ historyId: 'h-john-mfa', formName: 'reset_mfa' }]);
  });

  it('reopens another form for a caller', async () => {
    const { double, page, rows } = await openRecent();
    const megan = rows.nth(4);

    await megan
      .getByRole('combobox', { name: 'Form to open for Megan Bowen' })
      .selectOption('group_membership');
    await megan.getByRole('button', { name: 'Open Group membership for Megan Bowen' }).click();

    await expect
      .poll(() => double.requestsOn('pop:reopen'))
      .toEqual([{ historyId: 'h-no-user', formName: 'group_membership' }]);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/Group membership for Megan Bowen/);
  });

  it('adds the reopened pop to the table', async () => {
    const { page, rows } = await openRecent();

    await rows
      .first()
      .getByRole('button', { name: /^Open / })
      .click();

    await expect.poll(() => rows.count()).toBe(7);
    expect(await page.getByRole('status').first().textContent()).toBe(
      "Opened Password reset for Liam O'Brien.",
    );
  });

  it('filters rows by search', async () => {
    const { page, rows } = await openRecent();

    await page.getByRole('searchbox', { name: 'Search tickets' }).fill('john');

    await expect.poll(() => rows.count()).toBe(2);
  });

  it('offers no reopen without a caller', async () => {
    const { rows } = await openRecent(placeholderOnlyHistory(fixture.rewstBaseUrl));

    expect(await rows.count()).toBe(1);
    expect(await rows.first().getByRole('combobox').count()).toBe(0);
    expect(
      await rows
        .first()
        .getByRole('button', { name: /^Details of/ })
        .count(),
    ).toBe(1);
  });

  it('opens details and comes back', async () => {
    const { page, rows } = await openRecent();

    await rows
      .nth(3)
      .getByRole('button', { name: /^Details of #5007/ })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('The PSA contact was not found');
    await page.getByRole('button', { name: 'Close' }).click();

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Recent tickets');
  });

  it('guides the first setup when empty', async () => {
    const { double, page } = await openRecent([]);
    const empty = page.getByRole('region', { name: 'No screen pops yet' });

    await expect.poll(() => empty.textContent()).toContain('This address opens Password reset.');
    await empty.getByRole('button', { name: 'All Screen Pop URLs' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    expect(double.requestsOn('templates:list').length).toBeGreaterThan(0);
  });
});

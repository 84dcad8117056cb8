import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRendererFixture, type RendererFixture } from '../support/renderer-fixture';
import { POPOVER_VIEWPORT, type RendererPage } from '../support/renderer-page';
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

async function openPopover(history = sampleHistory(fixture.rewstBaseUrl)) {
  const double = fixture.createDouble({ history });
  view = await fixture.open(double, { hash: '#/popover', viewport: POPOVER_VIEWPORT });
  return { double, page: view.page };
}

describe('popover', () => {
  it('offers every form for the last caller', async () => {
    const { page } = await openPopover();
    const shortcuts = page.getByRole('region', { name: 'Forms for the last caller' });

    await expect.poll(() => shortcuts.textContent()).toContain("#5001 · Liam O'Brien · Contoso");
    expect(await shortcuts.getByRole('button').allTextContents()).toEqual([
      'Password reset',
      'User onboarding',
      'User offboarding',
      'Reset MFA',
      'Group membership',
    ]);
  });

  it('reopens a form for the last caller', async () => {
    const { double, page } = await openPopover();
    const shortcuts = page.getByRole('region', { name: 'Forms for the last caller' });

    await shortcuts.getByRole('button', { name: 'Reset MFA' }).click();

    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain("Opened Reset MFA for Liam O'Brien");
    expect(double.requestsOn('pop:reopen')).toEqual([
      { historyId: 'h-liam-reset', formName: 'reset_mfa' },
    ]);
    expect(double.state.openedLinks).toHaveLength(1);
    expect(double.state.openedLinks[0]).toContain('/form/f-reset-mfa');
  });

  it('lists each caller once, newest first', async () => {
    const { page } = await openPopover();
    const tickets = page.getByRole('region', { name: 'Recent tickets' }).locator('.ticket-id');

    await expect
      .poll(() => tickets.allTextContents())
      .toEqual(['#5001', '#5003', '#5020', '#5007', '#5011']);
  });

  it.each([
    ['ticket number', '5007', ['#5007']],
    ['contact name', 'smith', ['#5003']],
    ['company name', 'contoso', ['#5001', '#5003', '#5011']],
    ['company id', '250', ['#5001', '#5003', '#5007', '#5011']],
    ['contact email', 'adatum', ['#5020']],
  ])('search finds by %s', async (_field, query, expected) => {
    const { page } = await openPopover();
    const tickets = page.getByRole('region', { name: 'Recent tickets' });

    await tickets.getByRole('searchbox', { name: 'Search tickets' }).fill(query);

    await expect.poll(() => tickets.locator('.ticket-id').allTextContents()).toEqual(expected);
  });

  it('says when no ticket matches the search', async () => {
    const { page } = await openPopover();

    await page.getByRole('searchbox', { name: 'Search tickets' }).fill('nobody-here');

    await expect.poll(() => page.getByText('No ticket matches “nobody-here”.').count()).toBe(1);
  });

  it('lists errors with a one-line reason', async () => {
    const { page } = await openPopover();
    const errors = page.getByRole('region', { name: 'Errors' }).locator('.error-reason');

    await expect
      .poll(() => errors.allTextContents())
      .toEqual([
        'The PSA company is not mapped to a Rewst organization',
        'The PSA contact was not found',
        'The caller was not found in the directory (Entra ID)',
      ]);
  });

  it('opens the details of an error', async () => {
    const { double, page } = await openPopover();

    await page.getByRole('button', { name: /The PSA contact was not found/ }).click();

    expect(double.state.openedWindows).toEqual([{ view: 'details', historyId: 'h-contact-404' }]);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('The PSA contact was not found');
  });

  it('shows a new pop as it arrives', async () => {
    const { double, page } = await openPopover();
    const result = await double.state.resolvePop({
      ticket_id: '5002',
      company_id: '250',
      contact_id: '103',
      form_name: 'password_reset',
    });

    double.addPop(result);

    const caller = page
      .getByRole('region', { name: 'Forms for the last caller' })
      .locator('.caller');
    await expect.poll(() => caller.textContent()).toBe('#5002 · Zoë Ångström · Contoso');
  });

  it('explains the Screen Pop URL when the history is empty', async () => {
    const { double, page } = await openPopover([]);
    const empty = page.getByRole('region', { name: 'No screen pops yet' });

    await expect
      .poll(() => empty.locator('code').textContent())
      .toBe(
        'http://127.0.0.1:17345/pop?ticket_id=@ticketid&company_id=@companyid&contact_id=@contactid&form_name=password_reset',
      );
    await empty.getByRole('button', { name: /Copy the Screen Pop URL/ }).click();
    await expect.poll(() => double.state.clipboardText).toContain('form_name=password_reset');
  });

  it('shows no shortcuts when no pop named a caller', async () => {
    const { page } = await openPopover(placeholderOnlyHistory(fixture.rewstBaseUrl));

    await expect
      .poll(() => page.getByText('No screen pop named a ticket or contact.').count())
      .toBe(1);
    expect(await page.getByRole('region', { name: 'Forms for the last caller' }).count()).toBe(0);
    expect(await page.locator('.error-reason').textContent()).toBe(
      'The screen pop is missing a value',
    );
  });
});

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRendererFixture, type RendererFixture } from '../support/renderer-fixture';
import type { RendererPage } from '../support/renderer-page';
import { sampleHistory } from '../support/renderer-scenarios';
import { configText, configTextWithErrors } from '../support/toolbox-double-config';

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

async function openSettings() {
  const double = fixture.createDouble({ history: sampleHistory(fixture.rewstBaseUrl) });
  view = await fixture.open(double, { hash: '#/settings' });
  const page = view.page;
  const editor = page.getByRole('textbox', { name: 'Config file (JSON)' });
  await expect.poll(() => editor.inputValue()).not.toBe('');
  return { double, page, editor };
}

describe('settings: configuration', () => {
  it('shows the config file and its path', async () => {
    const { double, page, editor } = await openSettings();

    expect(await editor.inputValue()).toBe(double.state.configText);
    expect(await page.getByRole('region', { name: 'Configuration' }).textContent()).toContain(
      double.state.configPath,
    );
  });

  it('lists each problem inline', async () => {
    const { page, editor } = await openSettings();

    await editor.fill(configTextWithErrors(fixture.standIns.configInput));

    const issues = page.locator('.config-issues li code');
    await expect
      .poll(() => issues.allTextContents())
      .toEqual([
        'psa.privateKey',
        'listener.port',
        'listener.requireApiKey',
        'graph.clientId',
        'graph.clientID',
        'companies[0].tenantId',
      ]);
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.config-issues').textContent()).toContain(
      'did you mean "clientId"?',
    );
  });

  it('shows settings that fail at pop time', async () => {
    const { page, editor } = await openSettings();
    const input = fixture.standIns.configInput;
    const companies = [{ psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-1', idp: 'okta' }];

    await editor.fill(configText({ ...input, companies }));

    const warnings = page.locator('.config-warnings li code');
    await expect.poll(() => warnings.allTextContents()).toEqual(['companies[0].idp']);
    expect(await page.locator('.config-warnings').textContent()).toContain('will fail when a screen pop arrives');
  });

  it('names line and column of a JSON error', async () => {
    const { page, editor } = await openSettings();

    await editor.fill('{\n  "listener": { "port": 17345, }\n}');

    await expect
      .poll(() => page.locator('.config-issues').textContent())
      .toMatch(/line 2, column \d+/);
  });

  it('checks once typing pauses', async () => {
    const { double, page, editor } = await openSettings();
    const before = double.requestsOn('config:check').length;

    await editor.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('   ', { delay: 30 });
    // The stand-in config maps one company to an unsupported idp, so the check ends in a warning.
    await expect.poll(() => page.locator('.config-warnings').count()).toBe(1);

    expect(double.requestsOn('config:check').length - before).toBe(1);
  });

  it('refuses to save a config with errors', async () => {
    const { double, page, editor } = await openSettings();
    const original = double.state.configText;

    await editor.fill(configTextWithErrors(fixture.standIns.configInput));
    await page.getByRole('button', { name: 'Save config' }).click();

    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Configuration' }).getByRole('status').textContent(),
      )
      .toBe('Not saved: correct the problems listed below first.');
    expect(double.state.configText).toBe(original);
  });

  it('saves a valid change and updates the URLs', async () => {
    const { double, page, editor } = await openSettings();
    const changed = configText({ ...fixture.standIns.configInput, listener: { port: 17400 } });

    await editor.fill(changed);
    await page.getByRole('button', { name: 'Save config' }).click();

    await expect.poll(() => double.state.configText).toBe(changed);
    const urls = page
      .getByRole('region', { name: '1Stream Screen Pop URLs' })
      .locator('.template-url');
    await expect.poll(() => urls.first().textContent()).toContain('http://127.0.0.1:17400/pop?');
    expect(await page.getByRole('region', { name: 'Listener' }).textContent()).toContain(
      'http://127.0.0.1:17400',
    );
  });
});

describe('settings: secrets', () => {
  const secretValue = 'listener-key-7f3a9c21e5';
  const secretRow = (page: Page, name: string) => page.locator('.secret', { hasText: name });

  it('stores a secret and clears the field', async () => {
    const { double, page } = await openSettings();
    const field = secretRow(page, 'listener.apiKey').locator('input');

    await field.fill(secretValue);
    await page.getByRole('button', { name: 'Save listener.apiKey' }).click();

    await expect.poll(() => field.inputValue()).toBe('');
    expect(double.state.secrets.get('listener.apiKey')).toBe(secretValue);
    await expect
      .poll(() => secretRow(page, 'listener.apiKey').locator('.secret-state').textContent())
      .toBe('Stored');
  });

  it('never shows a stored secret', async () => {
    const { double, page } = await openSettings();

    const field = secretRow(page, 'listener.apiKey').locator('input');
    await field.fill(secretValue);
    await page.getByRole('button', { name: 'Save listener.apiKey' }).click();
    await expect.poll(() => field.inputValue()).toBe('');

    const stored = [secretValue, ...Object.values(fixture.standIns.secrets)];
    const html = await page.content();
    for (const secret of stored) expect(html).not.toContain(secret);
    for (const secret of stored) expect(double.responses.join('\n')).not.toContain(secret);
  });

  it('replaces a stored secret', async () => {
    const { double, page } = await openSettings();
    const row = secretRow(page, 'psa.privateKey');

    await row.locator('input').fill('new-private-key-value');
    await row.getByRole('button', { name: 'Replace psa.privateKey' }).click();

    await expect
      .poll(() => double.state.secrets.get('psa.privateKey'))
      .toBe('new-private-key-value');
    expect(await row.locator('input').inputValue()).toBe('');
  });

  it('deletes a stored secret', async () => {
    const { double, page } = await openSettings();
    const row = secretRow(page, 'graph.clientSecret');

    await row.getByRole('button', { name: 'Delete graph.clientSecret' }).click();

    await expect.poll(() => row.locator('.secret-state').textContent()).toBe('Not set');
    expect(double.state.secrets.has('graph.clientSecret')).toBe(false);
  });
});

describe('settings: URLs, test pop, listener', () => {
  it('copies a Screen Pop URL', async () => {
    const { double, page } = await openSettings();

    await page.getByRole('button', { name: 'Copy the Screen Pop URL for Reset MFA' }).click();

    await expect
      .poll(() => double.state.clipboardText)
      .toBe(
        'http://127.0.0.1:17345/pop?ticket_id=@ticketid&company_id=@companyid&contact_id=@contactid&form_name=reset_mfa',
      );
  });

  it('tests a pop without opening it', async () => {
    const { double, page } = await openSettings();
    const test = page.getByRole('region', { name: 'Test a pop' });

    await test.getByLabel('PSA company id').fill('250');
    await test.getByLabel('PSA contact id').fill('101');
    await test.getByLabel('PSA ticket id').fill('5001');
    await test.getByRole('button', { name: 'Test' }).click();

    await expect.poll(() => test.locator('h3').textContent()).toBe('The form would open');
    expect(await test.locator('.timeline > li').count()).toBe(9);
    expect(double.requestsOn('pop:test')).toEqual([
      { companyId: '250', contactId: '101', ticketId: '5001', formName: 'password_reset' },
    ]);
    expect(double.state.openedLinks).toEqual([]);
    expect(double.state.history).toHaveLength(6);
  });

  it('shows why a test pop failed', async () => {
    const { page } = await openSettings();
    const test = page.getByRole('region', { name: 'Test a pop' });

    await test.getByLabel('PSA company id').fill('250');
    await test.getByLabel('PSA contact id').fill('9999');
    await test.getByRole('button', { name: 'Test' }).click();

    await expect.poll(() => test.locator('h3').textContent()).toBe('The PSA contact was not found');
    expect(await test.locator('.step-error').count()).toBe(1);
  });

  it('reports an id main rejects', async () => {
    const { page } = await openSettings();
    const test = page.getByRole('region', { name: 'Test a pop' });

    await test.getByLabel('PSA contact id').fill('12ab');
    await test.getByRole('button', { name: 'Test' }).click();

    await expect
      .poll(() => test.getByRole('alert').textContent())
      .toContain('must be a numeric PSA id');
  });

  it('pauses and resumes the listener', async () => {
    const { double, page } = await openSettings();
    const listener = page.getByRole('region', { name: 'Listener' });

    await listener.getByRole('button', { name: 'Pause listener' }).click();
    await expect.poll(() => listener.textContent()).toContain('Listener stopped');
    expect(double.state.listenerState).toBe('stopped');

    await listener.getByRole('button', { name: 'Resume listener' }).click();
    await expect.poll(() => listener.textContent()).toContain('Ready for screen pops');
    expect(double.state.listenerState).toBe('ready');
  });

  it('follows listener changes from main', async () => {
    const { double, page } = await openSettings();

    double.emit('listener:changed', {
      state: 'failed',
      port: 17345,
      url: 'http://127.0.0.1:17345',
      message: 'x',
    });

    await expect
      .poll(() => page.locator('.shell-head .badge').textContent())
      .toBe('Last screen pop failed');
  });
});

import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createToolbox } from '../../electron/core/app';
import { startListener, type ListenerHandle } from '../../electron/core/listener';
import { launchChromium } from '../support/chromium';
import { createMemorySecretStore } from '../support/memory-secrets';
import { formIds, startStandIns, type StandIns } from '../support/stand-ins';

const screenshots = 'test-results/screenshots';
let standIns: StandIns;
let listener: ListenerHandle;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  standIns = await startStandIns();
  const toolbox = createToolbox({ config: standIns.config, secrets: createMemorySecretStore(standIns.secrets) });
  listener = await startListener({
    port: 0,
    version: 'test',
    rewstBaseUrl: standIns.config.rewst.baseUrl,
    popMode: 'redirect',
    requireApiKey: false,
    getApiKey: async () => undefined,
    resolvePop: toolbox.resolvePop,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await listener?.close();
  await standIns?.close();
});

async function openPop(query: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ colorScheme });
  page = await context.newPage();
  await page.goto(`${listener.url}/pop?${query}`);
  return page;
}

describe('screen pop in Chromium', () => {
  it('lands on the prefilled Rewst form', async () => {
    const tab = await openPop('ticket_id=5001&company_id=250&contact_id=101&form_name=password_reset');
    await expect.poll(() => tab.locator('#form-id').textContent()).toBe(formIds.password_reset);
    expect(await tab.locator('[data-param="user"]').textContent()).toBe("o'brien@contoso.com");
    expect(await tab.locator('[data-param="org_id"]').textContent()).toBe('org-contoso');
    await tab.context().close();
  });

  it('keeps Unicode names through the redirect', async () => {
    const tab = await openPop('company_id=250&contact_id=103&form_name=password_reset');
    await expect.poll(() => tab.locator('[data-param="first_name"]').textContent()).toBe('Zoë');
    await tab.context().close();
  });

  it.each(['light', 'dark'] as const)('shows the missing ids on an error page (%s)', async (scheme) => {
    const tab = await openPop('form_name=password_reset&contact_id=@contactid', scheme);
    const text = await tab.locator('body').innerText();
    expect(text).toContain('contact_id');
    expect(tab.url()).toContain(listener.url);
    await tab.screenshot({ path: `${screenshots}/error-missing-param-${scheme}.png`, fullPage: true });
    await tab.context().close();
  });

  it('shows the fallback link for a user not in the directory', async () => {
    const tab = await openPop('ticket_id=5002&company_id=250&contact_id=104&form_name=password_reset');
    const fallback = tab.getByRole('link', { name: /open the form with what is known/i });
    expect(await fallback.getAttribute('href')).toContain(`/form/${formIds.password_reset}?`);
    await tab.screenshot({ path: `${screenshots}/error-directory-user-light.png`, fullPage: true });
    await fallback.click();
    await expect.poll(() => tab.locator('#form-id').textContent()).toBe(formIds.password_reset);
    await tab.context().close();
  });
});

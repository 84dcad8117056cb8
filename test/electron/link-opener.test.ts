import { describe, expect, it, vi } from 'vitest';

import { createLinkOpener } from '../../electron/shell/link-opener';

const REWST = 'https://app.rewst.io';

function quietLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
}

function opener(rewstBaseUrl: string | null = REWST) {
  const openExternal = vi.fn(async (_url: string) => undefined);
  const log = quietLog();
  const open = createLinkOpener({
    getRewstBaseUrl: () => rewstBaseUrl ?? undefined,
    openExternal,
    log,
  });
  return { open, openExternal, log };
}

describe('createLinkOpener', () => {
  it('opens an https link on the Rewst host', async () => {
    const { open, openExternal } = opener();
    const url = `${REWST}/form/f-1?ticket_id=1`;

    expect(await open(url)).toEqual({ opened: true });
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it('opens the normalised, percent-encoded link', async () => {
    const { open, openExternal } = opener();

    await open('https://APP.rewst.io/form/f-1?name=José Ñ&note=a"b');

    expect(openExternal).toHaveBeenCalledWith(
      'https://app.rewst.io/form/f-1?name=Jos%C3%A9%20%C3%91&note=a%22b',
    );
  });

  it.each([
    ['plain http', 'http://app.rewst.io/form/f-1', /http: instead of https/],
    [
      'another host',
      'https://evil.example/form/f-1',
      /evil\.example, not to the configured Rewst host/,
    ],
    [
      'a look-alike host',
      'https://app.rewst.io.evil.example/form/f-1',
      /not to the configured Rewst host/,
    ],
    [
      'a look-alike subdomain',
      'https://evilapp.rewst.io/form/f-1',
      /not to the configured Rewst host/,
    ],
    ['another port', 'https://app.rewst.io:8443/form/f-1', /app\.rewst\.io:8443/],
    ['user info', 'https://app.rewst.io@evil.example/form/f-1', /user name or password/],
    ['user info on the right host', 'https://user:pass@app.rewst.io/form/f-1', /user name or password/],
    ['a file URL', 'file:///etc/passwd', /file: instead of https/],
    ['a javascript URL', 'javascript:alert(1)', /javascript: instead of https/],
    ['a relative URL', '/form/f-1', /not an absolute URL/],
    ['a link over the Windows limit', `${REWST}/form/f-1?x=${'a'.repeat(2000)}`, /characters long/],
  ])('rejects %s', async (_case, url, reason) => {
    const { open, openExternal, log } = opener();

    const result = await open(url);

    expect(result.opened).toBe(false);
    expect(result.reason).toMatch(reason);
    expect(openExternal).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledOnce();
  });

  it('accepts a link just under the limit', async () => {
    const { open } = opener();
    const base = `${REWST}/form/f-1?x=`;

    expect(await open(`${base}${'a'.repeat(2000 - base.length)}`)).toEqual({ opened: true });
  });

  it('keeps the query out of the log', async () => {
    const { open, log } = opener();

    await open('https://evil.example/form?email=jdoe%40contoso.com');

    expect(String(log.warn.mock.calls[0]?.[0])).not.toContain('jdoe');
  });

  it('rejects every link before setup', async () => {
    const { open, openExternal } = opener(null);

    const result = await open(`${REWST}/form/f-1`);

    expect(result).toEqual({ opened: false, reason: expect.stringMatching(/no Rewst base URL/) });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('reports a browser that fails to start', async () => {
    const { open, openExternal } = opener();
    openExternal.mockRejectedValueOnce(new Error('xdg-open not found'));

    const result = await open(`${REWST}/form/f-1`);

    expect(result.opened).toBe(false);
    expect(result.reason).toMatch(/xdg-open not found/);
  });
});

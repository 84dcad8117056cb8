import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ToolboxError } from '../../electron/core/errors';
import type { ListenerOptions } from '../../electron/core/listener';
import type { PopResult } from '../../shared/result';
import { httpRequest, popPath, type HttpResponse } from '../support/http-request';
import {
  FORM_LINK,
  failedResult,
  okResult,
  popQuery,
  startTestListener,
  type TestListener,
} from '../support/listener-fixture';

let listener: TestListener | undefined;

async function start(overrides: Partial<ListenerOptions> = {}): Promise<TestListener> {
  listener = await startTestListener(overrides);
  return listener;
}

afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

function expectNoCors(response: HttpResponse): void {
  const names = Object.keys(response.headers);
  const corsHeaders = names.filter((name) => name.startsWith('access-control-'));
  expect(corsHeaders).toEqual([]);
}

function expectSecurityHeaders(response: HttpResponse): void {
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  const policy = response.headers['content-security-policy'];
  expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-/);
  expectNoCors(response);
}

describe('listener Host check', () => {
  it.each([
    ['evil.example:{port}'],
    ['localhost.evil.example:{port}'],
    ['127.0.0.1:{wrong}'],
    ['127.0.0.1'],
    ['localhost'],
    ['127.0.0.1.nip.io:{port}'],
  ])('rejects Host %s with 403', async (template) => {
    const { port, resolvePop } = await start();
    const host = template.replace('{port}', String(port)).replace('{wrong}', String(port + 1));

    const response = await httpRequest(port, { path: popPath(popQuery), host });

    expect(response.status).toBe(403);
    expect(response.body).toContain('forbidden_host');
    expect(response.body).not.toContain('evil');
    expect(response.body).not.toContain('nip.io');
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it('rejects a request without Host', async () => {
    const { port, resolvePop } = await start();

    const response = await httpRequest(port, { path: popPath(popQuery), host: null });

    expect(response.status).toBe(403);
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it.each([['127.0.0.1:{port}'], ['localhost:{port}'], ['LocalHost:{port}'], ['[::1]:{port}']])(
    'accepts Host %s',
    async (template) => {
      const { port } = await start();

      const response = await httpRequest(port, {
        path: popPath(popQuery),
        host: template.replace('{port}', String(port)),
      });

      expect(response.status).toBe(302);
    },
  );
});

describe('listener methods and fetch metadata', () => {
  const methods = ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD'];

  it.each(methods)('answers %s with 405', async (method) => {
    const { port, resolvePop } = await start();

    const response = await httpRequest(port, {
      method,
      path: popPath(popQuery),
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET');
    expectNoCors(response);
    expect(resolvePop).not.toHaveBeenCalled();
  });

  const modes = ['cors', 'no-cors', 'same-origin', 'websocket'];

  it.each(modes)('rejects Sec-Fetch-Mode %s', async (mode) => {
    const { port, resolvePop } = await start();

    const response = await httpRequest(port, {
      path: popPath(popQuery),
      headers: { 'Sec-Fetch-Mode': mode, Accept: 'application/json' },
    });

    expect(response.status).toBe(403);
    expect(JSON.parse(response.body).error.code).toBe('fetch_mode_rejected');
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it('accepts a top-level navigation', async () => {
    const { port } = await start();

    const response = await httpRequest(port, {
      path: popPath(popQuery),
      headers: {
        'Sec-Fetch-Mode': 'navigate',
        'Sec-Fetch-Dest': 'document',
        'Sec-Fetch-Site': 'cross-site',
      },
    });

    expect(response.status).toBe(302);
  });

  const frames = ['iframe', 'frame', 'object', 'embed'];

  it.each(frames)('rejects a navigation into %s', async (destination) => {
    const { port, resolvePop } = await start();

    const response = await httpRequest(port, {
      path: popPath(popQuery),
      headers: { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': destination },
    });

    expect(response.status).toBe(403);
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it('rejects a WebSocket upgrade', async () => {
    const { port } = await start();

    const response = await httpRequest(port, {
      path: '/pop',
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });

    expect(response.status).toBe(403);
    expect(response.headers.upgrade).toBeUndefined();
  });
});

const payloads = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "' onmouseover='alert(1)",
];

function expectEscaped(body: string): void {
  expect(body).not.toContain('<script>alert');
  expect(body).not.toContain('"><img');
  expect(body).not.toContain('<img');
  expect(body).not.toContain("' onmouseover");
  expect(body).not.toMatch(/href="javascript:/i);
}

describe('listener escaping', () => {
  it.each(['ticket_id', 'company_id', 'contact_id', 'form_name'])('escapes %s', async (name) => {
    const { port } = await start({
      resolvePop: async (query) => failedResult(query, 'contact_not_found'),
    });

    for (const payload of payloads) {
      const response = await httpRequest(port, { path: popPath({ ...popQuery, [name]: payload }) });

      expect(response.status).toBe(422);
      expectEscaped(response.body);
    }
    const [scriptPayload = '', imagePayload = ''] = payloads;
    const script = await httpRequest(port, { path: popPath({ ...popQuery, [name]: scriptPayload }) });
    const image = await httpRequest(port, { path: popPath({ ...popQuery, [name]: imagePayload }) });
    expect(script.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(image.body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes every text of a failed result', async () => {
    const { port } = await start({
      resolvePop: async (query) => {
        const payload = query.ticket_id ?? '';
        return failedResult(query, 'psa_error', {
          error: { code: 'psa_error', message: payload, fix: payload, missing: [payload] },
          warnings: [payload],
          steps: [{ name: 'get_contact', status: 'error', ms: 3, detail: payload }],
          subject: { companyName: payload, contactName: payload },
          fallbackLink: payload,
        });
      },
    });

    for (const payload of payloads) {
      const response = await httpRequest(port, { path: popPath({ ...popQuery, ticket_id: payload }) });

      expect(response.status).toBe(502);
      expectEscaped(response.body);
      expect(response.body).not.toContain('class="button"');
    }
  });

  it('escapes the open mode page', async () => {
    const { port } = await start({
      popMode: 'open',
      openExternal: async () => undefined,
      resolvePop: async (query) => ({
        ...okResult(query),
        subject: { contactName: query.ticket_id },
        warnings: [query.ticket_id ?? ''],
      }),
    });

    for (const payload of payloads) {
      const response = await httpRequest(port, {
        path: popPath({ ...popQuery, ticket_id: payload, form_name: payload }),
      });

      expect(response.status).toBe(200);
      expectEscaped(response.body);
    }
  });

  it('allows the page stylesheet by its hash', async () => {
    const { port } = await start({ resolvePop: async (query) => failedResult(query, 'psa_error') });

    const response = await httpRequest(port, { path: popPath(popQuery) });

    const stylesheet = /<style>([\s\S]*)<\/style>/.exec(response.body)?.[1] ?? '';
    const hash = createHash('sha256').update(stylesheet).digest('base64');
    expect(response.headers['content-security-policy']).toContain(`style-src 'sha256-${hash}'`);
    expect(response.body).not.toContain('<script');
    expect(response.body).not.toContain('style="');
  });
});

describe('listener redirect targets', () => {
  it.each([
    ['another host', 'https://evil.example/form/1'],
    ['http while Rewst is https', 'http://app.rewst.io/form/1'],
    ['javascript:', 'javascript:alert(document.domain)'],
    ['a look-alike host', 'https://app.rewst.io.evil.example/form/1'],
    ['userinfo before another host', 'https://app.rewst.io@evil.example/'],
    ['userinfo before the Rewst host', 'https://user:secret@app.rewst.io/form/1'],
    ['another port', 'https://app.rewst.io:8443/form/1'],
    ['a relative link', '//evil.example/form/1'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['an oversized link', `${FORM_LINK}&pad=${'a'.repeat(9000)}`],
  ])('rejects %s', async (_case, link) => {
    const { port, onResult } = await start({ resolvePop: async (query) => okResult(query, link) });

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.status).toBe(422);
    expect(response.headers.location).toBeUndefined();
    expect(response.body).toContain('The form link was blocked');
    expect(response.body).not.toContain('class="button"');
    expect(onResult.mock.calls[0]?.[0].error?.code).toBe('link_rejected');
  });

  it('accepts the Rewst host in another letter case', async () => {
    const link = 'https://APP.Rewst.io/form/1';
    const { port } = await start({ resolvePop: async (query) => okResult(query, link) });

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(link);
  });

  it('accepts http for a loopback Rewst URL', async () => {
    const link = 'http://127.0.0.1:9/form/1';
    const { port } = await start({
      rewstBaseUrl: 'http://127.0.0.1:9',
      resolvePop: async (query) => okResult(query, link),
    });

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(link);
  });

  it('does not open a rejected link', async () => {
    const openExternal = vi.fn(async () => undefined);
    const { port } = await start({
      popMode: 'open',
      openExternal,
      resolvePop: async (query) => okResult(query, 'https://evil.example/form/1'),
    });

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.status).toBe(422);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('drops a fallback link on another host', async () => {
    const { port } = await start({
      resolvePop: async (query) =>
        failedResult(query, 'directory_user_not_found', { fallbackLink: 'https://evil.example/f' }),
    });

    const html = await httpRequest(port, { path: popPath(popQuery) });
    const asJson = await httpRequest(port, {
      path: popPath({ ...popQuery, ticket_id: '2' }),
      headers: { Accept: 'application/json' },
    });

    expect(html.body).not.toContain('evil.example');
    expect((JSON.parse(asJson.body) as PopResult).fallbackLink).toBeUndefined();
  });
});

describe('listener API key', () => {
  const storedKey = 'tb-3f9c2a7e5d1b4c8a9e6f0d2b7a4c1e8f';
  const wrongKey = 'tb-0000-wrong-key-0000';
  const keyed = { requireApiKey: true, getApiKey: async () => storedKey };

  it.each([
    ['missing', {}, {}],
    ['wrong in the query', { key: wrongKey }, {}],
    ['wrong in the header', {}, { 'X-Api-Key': wrongKey }],
    ['a prefix of the key', { key: storedKey.slice(0, 10) }, {}],
  ])('rejects a key %s with 401', async (_case, extraQuery, headers) => {
    const { port, resolvePop } = await start(keyed);

    const html = await httpRequest(port, { path: popPath({ ...popQuery, ...extraQuery }), headers });
    const asJson = await httpRequest(port, {
      path: popPath({ ...popQuery, ...extraQuery }),
      headers: { ...headers, Accept: 'application/json' },
    });

    expect(html.status).toBe(401);
    expect(html.body).toContain('API key');
    expect(JSON.parse(asJson.body).error.code).toBe('unauthorized');
    for (const body of [html.body, asJson.body]) {
      expect(body).not.toContain(storedKey);
      expect(body).not.toContain(wrongKey);
    }
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it.each([
    ['query', { key: storedKey }, {}],
    ['header', {}, { 'X-Api-Key': storedKey }],
  ])('accepts the right key in the %s', async (_case, extraQuery, headers) => {
    const { port, resolvePop } = await start(keyed);

    const path = popPath({ ...popQuery, ...extraQuery });
    const response = await httpRequest(port, { path, headers });

    expect(response.status).toBe(302);
    expect(resolvePop.mock.calls[0]?.[0]).toEqual(popQuery);
  });

  it('never passes or reflects the key', async () => {
    const { port, resolvePop } = await start(keyed);
    resolvePop.mockImplementation(async (query) => failedResult(query, 'contact_not_found'));

    const response = await httpRequest(port, { path: popPath({ ...popQuery, key: storedKey }) });

    expect(response.status).toBe(422);
    expect(response.body).not.toContain(storedKey);
    expect(resolvePop.mock.calls[0]?.[0]).not.toHaveProperty('key');
  });

  it('drops the key when no key is required', async () => {
    const { port, resolvePop } = await start();

    await httpRequest(port, { path: popPath({ ...popQuery, key: storedKey }) });

    expect(resolvePop.mock.calls[0]?.[0]).toEqual(popQuery);
  });

  it('shows a locked keychain error', async () => {
    const { port } = await start({
      requireApiKey: true,
      getApiKey: async () => {
        throw new ToolboxError('keychain_unavailable', 'The keychain did not answer within 5 s.', {
          fix: 'Unlock the login keychain, then pop again.',
        });
      },
    });

    const response = await httpRequest(port, {
      path: popPath({ ...popQuery, key: storedKey }),
      headers: { Accept: 'application/json' },
    });

    expect(response.status).toBe(500);
    expect(JSON.parse(response.body).error).toEqual({
      code: 'keychain_unavailable',
      message: 'The keychain did not answer within 5 s.',
      fix: 'Unlock the login keychain, then pop again.',
    });
  });

  it('explains a key that was never stored', async () => {
    const { port } = await start({ requireApiKey: true, getApiKey: async () => undefined });

    const response = await httpRequest(port, { path: popPath({ ...popQuery, key: storedKey }) });

    expect(response.status).toBe(500);
    expect(response.body).toContain('secret_missing');
    expect(response.body).toContain('npm run toolbox -- secret set listener.apiKey');
  });
});

describe('listener size limits', () => {
  it('answers a long URL with 414', async () => {
    const { port, resolvePop } = await start();

    const response = await httpRequest(port, { path: popPath({ ...popQuery, pad: 'a'.repeat(5000) }) });

    expect(response.status).toBe(414);
    expect(response.body).toContain('request_too_large');
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it('answers an oversized URL with 431', async () => {
    const { port } = await start();

    const response = await httpRequest(port, { path: popPath({ ...popQuery, pad: 'a'.repeat(9000) }) });

    expect(response.status).toBe(431);
    expectSecurityHeaders(response);
  });

  it('answers oversized headers with 431', async () => {
    const { port, resolvePop } = await start();

    const response = await httpRequest(port, {
      path: popPath(popQuery),
      headers: { Cookie: `session=${'b'.repeat(10_000)}` },
    });

    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(resolvePop).not.toHaveBeenCalled();
  });
});

describe('listener security headers', () => {
  it.each([
    ['redirect', { path: popPath(popQuery) }, 302],
    ['JSON pop', { path: popPath(popQuery), headers: { Accept: 'application/json' } }, 200],
    ['health check', { path: '/healthz' }, 200],
    ['404 page', { path: '/nothing' }, 404],
    ['favicon', { path: '/favicon.ico' }, 204],
    ['wrong Host', { path: '/healthz', host: 'evil.example' }, 403],
    ['wrong method', { path: '/healthz', method: 'POST' }, 405],
    ['fetch from a page', { path: '/healthz', headers: { 'Sec-Fetch-Mode': 'cors' } }, 403],
  ])('sets them on a %s', async (_case, options, status) => {
    const { port } = await start();

    const response = await httpRequest(port, options);

    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
    if (status !== 204) expect(response.headers['content-type']).toMatch(/; charset=utf-8$/);
  });

  it('sets them on error and open pages', async () => {
    const failing = await start({ resolvePop: async (query) => failedResult(query, 'psa_error') });
    const opening = await startTestListener({ popMode: 'open', openExternal: async () => undefined });

    const errorPage = await httpRequest(failing.port, { path: popPath(popQuery) });
    const openPage = await httpRequest(opening.port, { path: popPath(popQuery) });
    await opening.close();

    for (const response of [errorPage, openPage]) {
      expectSecurityHeaders(response);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    }
  });

  it('binds 127.0.0.1 only', async () => {
    const { url } = await start();

    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

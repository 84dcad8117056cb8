import { afterEach, describe, expect, it } from 'vitest';

import { popPath, sendRawRequest, type RawHttpResponse } from '../support/http-request';
import { popQuery, startTestListener, type TestListener } from '../support/listener-fixture';

let listener: TestListener | undefined;

afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

function expectSecurityHeaders(response: RawHttpResponse): void {
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toMatch(/^default-src 'none'/);
}

describe('listener malformed requests', () => {
  it('rejects two Host headers with 400', async () => {
    listener = await startTestListener();
    const { port, resolvePop } = listener;

    const response = await sendRawRequest(
      port,
      `GET ${popPath(popQuery)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        'Host: evil.example\r\nConnection: close\r\n\r\n',
    );

    expect(response.status).toBe(400);
    expect(response.headers.location).toBeUndefined();
    expectSecurityHeaders(response);
    expect(response.body).not.toContain('evil.example');
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it('rejects two identical Host headers with 400', async () => {
    listener = await startTestListener();
    const { port } = listener;
    const host = `Host: 127.0.0.1:${port}\r\n`;

    const response = await sendRawRequest(
      port,
      `GET ${popPath(popQuery)} HTTP/1.1\r\n${host}${host}Connection: close\r\n\r\n`,
    );

    expect(response.status).toBe(400);
  });

  it.each([
    ['another host', 'http://evil.example'],
    ['the listener itself', 'http://127.0.0.1:{port}'],
  ])('rejects an absolute-form target on %s with 400', async (_case, origin) => {
    listener = await startTestListener();
    const { port, resolvePop } = listener;
    const target = `${origin.replace('{port}', String(port))}${popPath(popQuery)}`;

    const response = await sendRawRequest(
      port,
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );

    expect(response.status).toBe(400);
    expect(response.headers.location).toBeUndefined();
    expectSecurityHeaders(response);
    expect(response.body).not.toContain('evil.example');
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it('treats a target starting with // as a path', async () => {
    listener = await startTestListener();
    const { port, resolvePop } = listener;

    const response = await sendRawRequest(
      port,
      `GET //evil.example${popPath(popQuery)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        'Connection: close\r\n\r\n',
    );

    expect(response.status).toBe(404);
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it('still redirects one Host with an origin-form target', async () => {
    listener = await startTestListener();
    const { port } = listener;

    const response = await sendRawRequest(
      port,
      `GET ${popPath(popQuery)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );

    expect(response.status).toBe(302);
  });
});

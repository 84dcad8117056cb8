import { request, Agent } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { ListenerOptions } from '../../electron/core/listener';
import { popResultSchema, type ErrorCode, type PopResult } from '../../shared/result';
import { httpRequest, popPath } from '../support/http-request';
import { captureLog } from '../support/log-capture';
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

const json = { Accept: 'application/json' };

describe('listener pops', () => {
  it('redirects a resolved pop to the form', async () => {
    const { port, resolvePop, onResult } = await start();

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(FORM_LINK);
    expect(resolvePop).toHaveBeenCalledTimes(1);
    expect(resolvePop.mock.calls[0]?.[0]).toEqual(popQuery);
    expect(resolvePop.mock.calls[0]?.[1]).toBeInstanceOf(AbortSignal);
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult.mock.calls[0]?.[0].ok).toBe(true);
  });

  it('serves pops on / like /pop', async () => {
    const { port } = await start();

    const response = await httpRequest(port, { path: popPath(popQuery, '/') });

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(FORM_LINK);
  });

  it('passes the first value of repeated parameters', async () => {
    const { port, resolvePop } = await start();

    await httpRequest(port, {
      path: '/pop?ticket_id=1&ticket_id=2&company_id=3&contact_id=4&form_name=mfa_reset&extra=x',
    });

    expect(resolvePop.mock.calls[0]?.[0]).toEqual({
      ticket_id: '1',
      company_id: '3',
      contact_id: '4',
      form_name: 'mfa_reset',
      extra: 'x',
    });
  });

  it('returns JSON with 200 instead of redirecting', async () => {
    const { port } = await start();

    const response = await httpRequest(port, { path: popPath(popQuery), headers: json });

    expect(response.status).toBe(200);
    expect(response.headers.location).toBeUndefined();
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = popResultSchema.parse(JSON.parse(response.body));
    expect(body.link).toBe(FORM_LINK);
  });

  it.each([
    ['application/json', 'json'],
    ['application/json, text/html', 'json'],
    ['text/html, application/json', 'html'],
    ['text/html,application/json;q=0.9', 'html'],
    ['application/json;q=0.9, text/html;q=0.5', 'json'],
    ['application/json;q=0', 'html'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'html'],
    ['*/*', 'html'],
  ])('chooses the format for Accept %s', async (accept, format) => {
    const { port } = await start({ resolvePop: async (query) => failedResult(query, 'psa_error') });

    const response = await httpRequest(port, { path: popPath(popQuery), headers: { Accept: accept } });

    const expected = format === 'json' ? 'application/json' : 'text/html';
    expect(response.headers['content-type']).toBe(`${expected}; charset=utf-8`);
  });

  const statusByCode: [ErrorCode, number][] = [
    ['missing_param', 400],
    ['invalid_param', 400],
    ['unknown_form', 400],
    ['unknown_company', 422],
    ['unsupported_idp', 422],
    ['ticket_not_found', 422],
    ['contact_not_found', 422],
    ['directory_user_not_found', 422],
    ['directory_user_ambiguous', 422],
    ['psa_error', 502],
    ['graph_error', 502],
    ['psa_timeout', 504],
    ['graph_timeout', 504],
    ['config_invalid', 500],
    ['secret_missing', 500],
    ['keychain_unavailable', 500],
  ];

  it.each(statusByCode)('answers %s with HTTP %i', async (code, status) => {
    const { port } = await start({ resolvePop: async (query) => failedResult(query, code) });

    const html = await httpRequest(port, { path: popPath(popQuery) });
    const asJson = await httpRequest(port, { path: popPath(popQuery), headers: json });

    expect(html.status).toBe(status);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain(`<code>${code}</code>`);
    expect(asJson.status).toBe(status);
    expect(JSON.parse(asJson.body).error.code).toBe(code);
  });

  it('shows everything about a failure on the page', async () => {
    const fallback = 'https://app.rewst.io/form/5d3c1f0e?ticket_id=48213';
    const { port } = await start({
      resolvePop: async (query) =>
        failedResult(query, 'directory_user_not_found', {
          error: {
            code: 'missing_param',
            message: 'The screen pop has no contact_id.',
            fix: 'Pick a contact on the ticket in the PSA, then pop again.',
            missing: ['contact_id'],
          },
          warnings: ['The PSA contact has no email address.'],
          fallbackLink: fallback,
        }),
    });

    const { body } = await httpRequest(port, { path: popPath(popQuery) });

    expect(body).toContain('The screen pop is missing a value');
    expect(body).toContain('The screen pop has no contact_id.');
    expect(body).toContain('Pick a contact on the ticket in the PSA, then pop again.');
    expect(body).toContain('Missing: <code>contact_id</code>');
    expect(body).toContain('<li>The PSA contact has no email address.</li>');
    expect(body).toContain('<td>directory_user_not_found from the PSA</td>');
    expect(body).toContain('<td class="status-error">error</td>');
    expect(body).toContain(`<a class="button" href="${fallback}" rel="noreferrer">`);
    expect(body).toContain('<tr><th>ticket_id</th><td>48213</td></tr>');
    expect(body).toContain('<tr><th>form_name</th><td>password_reset</td></tr>');
  });

  it('resolves identical concurrent pops once', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { port, resolvePop, onResult } = await start({
      resolvePop: async (query) => {
        await gate;
        return okResult(query);
      },
    });

    const first = httpRequest(port, { path: popPath(popQuery) });
    const second = httpRequest(port, { path: popPath({ ...popQuery, ticket_id: ' 48213 ' }) });
    await vi.waitFor(() => expect(resolvePop).toHaveBeenCalledTimes(1));
    release();
    const responses = await Promise.all([first, second]);

    expect(responses.map((response) => response.status)).toEqual([302, 302]);
    expect(resolvePop).toHaveBeenCalledTimes(1);
    expect(onResult).toHaveBeenCalledTimes(1);
  });

  it('shares a failed result within the window', async () => {
    const { port, resolvePop, onResult } = await start({
      resolvePop: async (query) => failedResult(query, 'psa_timeout'),
    });

    const first = await httpRequest(port, { path: popPath(popQuery) });
    const second = await httpRequest(port, { path: popPath(popQuery) });

    expect(first.status).toBe(504);
    expect(second.status).toBe(504);
    expect(resolvePop).toHaveBeenCalledTimes(1);
    expect(onResult).toHaveBeenCalledTimes(1);
  });

  it('logs repeated pops once per window', async () => {
    const { port, resolvePop } = await start();
    const capture = captureLog();

    try {
      for (let request = 0; request < 100; request += 1) {
        await httpRequest(port, { path: popPath(popQuery) });
      }
    } finally {
      capture.stop();
    }

    const repeats = capture.lines.filter((line) => line.includes('repeated within the dedupe'));
    expect(resolvePop).toHaveBeenCalledTimes(1);
    expect(repeats).toHaveLength(1);
    expect(repeats[0]).toContain('ticket="48213"');
  });

  it('resolves a different form separately', async () => {
    const { port, resolvePop, onResult } = await start();

    await httpRequest(port, { path: popPath(popQuery) });
    await httpRequest(port, { path: popPath({ ...popQuery, form_name: 'mfa_reset' }) });

    expect(resolvePop).toHaveBeenCalledTimes(2);
    expect(onResult).toHaveBeenCalledTimes(2);
  });

  it('resolves again after the dedupe window', async () => {
    const { port, resolvePop } = await start({ dedupeWindowMs: 50 });

    await httpRequest(port, { path: popPath(popQuery) });
    await new Promise((resolve) => setTimeout(resolve, 80));
    await httpRequest(port, { path: popPath(popQuery) });

    expect(resolvePop).toHaveBeenCalledTimes(2);
  });

  it('rate-limits distinct pops with 429', async () => {
    const { port, resolvePop, onResult } = await start();

    for (let ticket = 1; ticket <= 30; ticket += 1) {
      const path = popPath({ ...popQuery, ticket_id: String(ticket) });
      const response = await httpRequest(port, { path });
      expect(response.status).toBe(302);
    }
    const limited = await httpRequest(port, { path: popPath({ ...popQuery, ticket_id: '31' }) });
    const repeated = await httpRequest(port, { path: popPath({ ...popQuery, ticket_id: '30' }) });

    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body).toContain('Too many screen pops at once');
    expect(repeated.status).toBe(302);
    expect(resolvePop).toHaveBeenCalledTimes(30);
    expect(onResult).toHaveBeenCalledTimes(30);
  });

  it('opens the form in open mode', async () => {
    const openExternal = vi.fn(async () => undefined);
    const { port } = await start({ popMode: 'open', openExternal });

    const first = await httpRequest(port, { path: popPath(popQuery) });
    const second = await httpRequest(port, { path: popPath(popQuery) });

    expect(first.status).toBe(200);
    expect(first.headers.location).toBeUndefined();
    expect(first.body).toContain('Opened password_reset for Jane Doe in your browser');
    expect(second.status).toBe(200);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith(FORM_LINK);
  });

  it('offers the link when opening fails', async () => {
    const openExternal = vi.fn(async () => {
      throw new Error('xdg-open not found');
    });
    const { port, onResult } = await start({ popMode: 'open', openExternal });

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.status).toBe(500);
    expect(response.body).toContain('opening the form in your default browser failed');
    expect(response.body).toContain(`href="${FORM_LINK.replace(/&/g, '&amp;')}"`);
    expect(response.body).toContain('xdg-open not found');
    expect(onResult.mock.calls[0]?.[0].ok).toBe(false);
  });

  it('redirects in open mode without openExternal', async () => {
    const { port } = await start({ popMode: 'open' });

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.status).toBe(302);
  });

  it('reports health with the version', async () => {
    const { port } = await start();

    const response = await httpRequest(port, { path: '/healthz' });

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok', version: '0.1.0-test' });
  });

  it('answers unknown paths with 404', async () => {
    const { port, resolvePop } = await start();

    const html = await httpRequest(port, { path: '/admin?ticket_id=1' });
    const asJson = await httpRequest(port, { path: '/pop/extra', headers: json });

    expect(html.status).toBe(404);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('Page not found');
    expect(asJson.status).toBe(404);
    expect(JSON.parse(asJson.body).error.code).toBe('not_found');
    expect(resolvePop).not.toHaveBeenCalled();
  });

  it('answers the favicon with 204', async () => {
    const { port } = await start();

    const response = await httpRequest(port, { path: '/favicon.ico' });

    expect(response.status).toBe(204);
    expect(response.body).toBe('');
  });

  it('survives resolvePop throwing', async () => {
    const { port, onResult } = await start({
      resolvePop: async () => {
        throw new Error('socket hang up at /secret/internal/path');
      },
    });

    const response = await httpRequest(port, { path: popPath(popQuery) });
    const health = await httpRequest(port, { path: '/healthz' });

    expect(response.status).toBe(500);
    expect(response.body).toContain('Technician Toolbox failed unexpectedly');
    expect(response.body).not.toContain('/secret/internal/path');
    expect(onResult.mock.calls[0]?.[0].error?.code).toBe('internal_error');
    expect(health.status).toBe(200);
  });

  it('rejects a malformed resolvePop result', async () => {
    const { port } = await start({
      resolvePop: async () => ({ ok: true, link: FORM_LINK }) as unknown as PopResult,
    });

    const response = await httpRequest(port, { path: popPath(popQuery), headers: json });

    expect(response.status).toBe(500);
    expect(JSON.parse(response.body).error.code).toBe('internal_error');
  });

  it('ignores onResult failures', async () => {
    const { port } = await start({
      onResult: () => {
        throw new Error('history file is read-only');
      },
    });
    const second = await startTestListener({
      onResult: async () => {
        throw new Error('history file is read-only');
      },
    });

    const syncFailure = await httpRequest(port, { path: popPath(popQuery) });
    const asyncFailure = await httpRequest(second.port, { path: popPath(popQuery) });
    await second.close();

    expect(syncFailure.status).toBe(302);
    expect(asyncFailure.status).toBe(302);
  });

  it('survives a client that disconnects', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { port, resolvePop, onResult } = await start({
      resolvePop: async (query) => {
        await gate;
        return okResult(query);
      },
    });

    const aborted = request({ host: '127.0.0.1', port, path: popPath(popQuery), agent: false });
    aborted.on('error', () => undefined);
    aborted.end();
    await vi.waitFor(() => expect(resolvePop).toHaveBeenCalledTimes(1));
    aborted.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await vi.waitFor(() => expect(onResult).toHaveBeenCalledTimes(1));

    const health = await httpRequest(port, { path: '/healthz' });
    expect(health.status).toBe(200);
  });

  it('closes with idle keep-alive connections', async () => {
    const { port, close } = await start();
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });

    const started = Date.now();
    await close();
    listener = undefined;
    agent.destroy();

    expect(Date.now() - started).toBeLessThan(1000);
    await expect(httpRequest(port, { path: '/healthz' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('aborts running pops on close', async () => {
    let signal: AbortSignal | undefined;
    const { port, close } = await start({
      resolvePop: (query, abortSignal) =>
        new Promise((resolve) => {
          signal = abortSignal;
          abortSignal?.addEventListener('abort', () => resolve(failedResult(query, 'psa_timeout')));
        }),
    });

    const pending = httpRequest(port, { path: popPath(popQuery) });
    await vi.waitFor(() => expect(signal).toBeDefined());
    const closing = close();
    listener = undefined;
    const response = await pending;
    await closing;

    expect(signal?.aborted).toBe(true);
    expect(response.status).toBe(503);
    expect(response.body).toContain('Technician Toolbox is shutting down');
    expect(response.headers.connection).toBe('close');
  });
});

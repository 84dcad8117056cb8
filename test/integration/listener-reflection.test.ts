import { afterEach, describe, expect, it } from 'vitest';

import type { ListenerOptions } from '../../electron/core/listener';
import { httpRequest, popPath } from '../support/http-request';
import {
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

const failing: Partial<ListenerOptions> = {
  resolvePop: async (query) => failedResult(query, 'contact_not_found'),
};

describe('listener reflected control characters', () => {
  it.each([
    ['NUL', '\u0000', '\\u0000'],
    ['escape', '\u001b[31m', '\\u001b[31m'],
    ['DEL', '\u007f', '\\u007f'],
    ['C1 next line', '\u0085', '\\u0085'],
    ['line break', 'a\r\nb', 'a\\u000d\\u000ab'],
  ])('shows %s visibly on the page', async (_case, raw, shown) => {
    const { port } = await start(failing);

    const response = await httpRequest(port, { path: popPath({ ...popQuery, ticket_id: raw }) });

    expect(response.status).toBe(422);
    expect(response.body.replaceAll('\n', '')).not.toMatch(/\p{Cc}/u);
    expect(response.body).toContain(`<tr><th>ticket_id</th><td>${shown}</td></tr>`);
  });

  it('keeps control characters valid in JSON', async () => {
    const { port } = await start(failing);

    const response = await httpRequest(port, {
      path: popPath({ ...popQuery, ticket_id: '\u0000\u001f\u0085' }),
      headers: { Accept: 'application/json' },
    });

    expect(response.body).not.toContain('\u0000');
    expect(JSON.parse(response.body).params.ticketId).toBe('\u0000\u001f\u0085');
  });

  it('escapes control characters in messages', async () => {
    const { port } = await start({
      resolvePop: async (query) =>
        failedResult(query, 'psa_error', {
          error: { code: 'psa_error', message: 'PSA said\u0000 no', fix: 'Retry\u0007.' },
          warnings: ['warn\u0000ing'],
        }),
    });

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.body).not.toContain('\u0000');
    expect(response.body).not.toContain('\u0007');
    expect(response.body).toContain('PSA said\\u0000 no');
    expect(response.body).toContain('<li>warn\\u0000ing</li>');
  });
});

describe('listener long reflected values', () => {
  it('shortens a 3,000-character id', async () => {
    const { port } = await start(failing);
    const longId = '9'.repeat(3000);

    const path = popPath({ ...popQuery, contact_id: longId });
    const response = await httpRequest(port, { path });

    expect(response.status).toBe(422);
    expect(response.body).not.toContain('9'.repeat(201));
    expect(response.body).toContain(`<td>${'9'.repeat(200)}… (3000 characters)</td>`);
  });

  it('keeps the full id in JSON', async () => {
    const { port } = await start(failing);
    const longId = '9'.repeat(3000);

    const response = await httpRequest(port, {
      path: popPath({ ...popQuery, contact_id: longId }),
      headers: { Accept: 'application/json' },
    });

    expect(JSON.parse(response.body).params.contactId).toBe(longId);
  });

  it('shows a 200-character value in full', async () => {
    const { port } = await start(failing);
    const id = '7'.repeat(200);

    const response = await httpRequest(port, { path: popPath({ ...popQuery, contact_id: id }) });

    expect(response.body).toContain(`<td>${id}</td>`);
    expect(response.body).not.toContain('(200 characters)');
  });

  it('shortens long messages and warnings', async () => {
    const long = 'x'.repeat(3000);
    const { port } = await start({
      resolvePop: async (query) =>
        failedResult(query, 'psa_error', {
          error: { code: 'psa_error', message: long, fix: long },
          warnings: [long],
          steps: [{ name: 'get_contact', status: 'error', ms: 1, detail: long }],
        }),
    });

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.body).not.toContain('x'.repeat(1001));
    expect(response.body.split('… (3000 characters)')).toHaveLength(5);
  });

  it('shortens the form and contact on the open page', async () => {
    const long = 'f'.repeat(3000);
    const { port } = await start({
      popMode: 'open',
      openExternal: async () => undefined,
      resolvePop: async (query) => ({ ...okResult(query), subject: { contactName: long } }),
    });

    const response = await httpRequest(port, { path: popPath({ ...popQuery, form_name: long }) });

    expect(response.status).toBe(200);
    expect(response.body).not.toContain('f'.repeat(201));
  });
});

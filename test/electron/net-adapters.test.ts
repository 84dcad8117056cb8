import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError } from '@azure/msal-node';
import axios, { AxiosError } from 'axios';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createFetchAdapter } from '../../electron/net/axios-adapter';
import { createFetchNetworkModule } from '../../electron/net/msal-network';
import { toNetworkFailure, type FetchFunction } from '../../electron/net/net-errors';
import { ToolboxError } from '../../electron/core/errors';
import { getPsaJson } from '../../electron/core/psa/http';

/** A fake net.fetch that records each call and responds with `response`. */
function fakeFetch(response: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchFunction = vi.fn<FetchFunction>(async (url, init = {}) => {
    calls.push({ url, init });
    return response();
  });
  return { fetchFunction, calls };
}

function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function chromiumError(name: string): Error {
  return new Error(`net::${name}`);
}

describe('createFetchAdapter request mapping', () => {
  it('sends method, URL with params, headers and body', async () => {
    const { fetchFunction, calls } = fakeFetch(() => jsonResponse({ ok: true }));
    const client = axios.create({ adapter: createFetchAdapter(fetchFunction) });

    await client.post('https://psa.example/token', 'grant_type=client_credentials', {
      params: { tenant: 'contoso', scope: 'all' },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic abc' },
    });

    const { url, init } = calls[0]!;
    expect(url).toBe('https://psa.example/token?tenant=contoso&scope=all');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('grant_type=client_credentials');
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(headers.Authorization).toBe('Basic abc');
  });

  it('sends no body on GET and leaves out Content-Length', async () => {
    const { fetchFunction, calls } = fakeFetch(() => jsonResponse({}));
    const client = axios.create({ adapter: createFetchAdapter(fetchFunction) });

    await client.get('https://psa.example/contacts/1', { headers: { 'Content-Length': '0' } });

    expect(calls[0]?.init.body).toBeUndefined();
    expect(
      Object.keys(calls[0]?.init.headers as object).map((name) => name.toLowerCase()),
    ).not.toContain('content-length');
  });

  it('serialises a JSON body', async () => {
    const { fetchFunction, calls } = fakeFetch(() => jsonResponse({}));
    const client = axios.create({ adapter: createFetchAdapter(fetchFunction) });

    await client.post('https://psa.example/x', { id: 7 });

    expect(calls[0]?.init.body).toBe('{"id":7}');
  });

  it('passes the caller signal', async () => {
    const { fetchFunction, calls } = fakeFetch(() => jsonResponse({}));
    const controller = new AbortController();

    await axios.get('https://psa.example/x', {
      adapter: createFetchAdapter(fetchFunction),
      signal: controller.signal,
    });
    controller.abort();

    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });
});

describe('createFetchAdapter response mapping', () => {
  it('returns status, lowercase headers and parsed JSON', async () => {
    const { fetchFunction } = fakeFetch(() => jsonResponse({ id: 1 }, 200, { 'Retry-After': '3' }));

    const response = await axios.get('https://psa.example/x', {
      adapter: createFetchAdapter(fetchFunction),
    });

    expect(response.status).toBe(200);
    expect(response.headers['retry-after']).toBe('3');
    expect(response.data).toEqual({ id: 1 });
  });

  it('keeps text when asked for text', async () => {
    const { fetchFunction } = fakeFetch(() => new Response('{"id":1}', { status: 200 }));

    const response = await axios.get('https://psa.example/x', {
      adapter: createFetchAdapter(fetchFunction),
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
    });

    expect(response.data).toBe('{"id":1}');
  });

  it('rejects a status that validateStatus refuses', async () => {
    const { fetchFunction } = fakeFetch(() => jsonResponse({ message: 'nope' }, 404));

    const error = await axios
      .get('https://psa.example/x', { adapter: createFetchAdapter(fetchFunction) })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).code).toBe('ERR_BAD_REQUEST');
    expect((error as AxiosError).response?.status).toBe(404);
  });

  it('returns any status when validateStatus allows it', async () => {
    const { fetchFunction } = fakeFetch(() => jsonResponse({}, 503));

    const response = await axios.get('https://psa.example/x', {
      adapter: createFetchAdapter(fetchFunction),
      validateStatus: () => true,
    });

    expect(response.status).toBe(503);
  });

  it('enforces maxContentLength', async () => {
    const { fetchFunction } = fakeFetch(() => new Response('x'.repeat(100)));

    const error = await axios
      .get('https://psa.example/x', {
        adapter: createFetchAdapter(fetchFunction),
        maxContentLength: 10,
      })
      .catch((e: unknown) => e);

    expect((error as AxiosError).message).toMatch(/maxContentLength size of 10 exceeded/);
  });

  it('returns a buffer for arraybuffer', async () => {
    const { fetchFunction } = fakeFetch(() => new Response(new Uint8Array([1, 2, 3])));

    const response = await axios.get('https://psa.example/x', {
      adapter: createFetchAdapter(fetchFunction),
      responseType: 'arraybuffer',
    });

    expect(Buffer.isBuffer(response.data)).toBe(true);
    expect([...(response.data as Buffer)]).toEqual([1, 2, 3]);
  });
});

describe('createFetchAdapter failures', () => {
  it('maps a Chromium network error to a Node code on cause', async () => {
    const { fetchFunction } = fakeFetch(() =>
      Promise.reject(chromiumError('ERR_CONNECTION_REFUSED')),
    );

    const error = (await axios
      .get('https://psa.example/x', { adapter: createFetchAdapter(fetchFunction) })
      .catch((e: unknown) => e)) as AxiosError;

    expect(error.code).toBe('ERR_NETWORK');
    expect((error.cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('reports a timeout', async () => {
    const fetchFunction: FetchFunction = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(chromiumError('ERR_ABORTED'))),
      );

    const error = (await axios
      .get('https://psa.example/x', { adapter: createFetchAdapter(fetchFunction), timeout: 20 })
      .catch((e: unknown) => e)) as AxiosError;

    expect(error.code).toBe('ECONNABORTED');
    expect(error.message).toBe('timeout of 20ms exceeded');
  });

  it('reports a cancel by the caller', async () => {
    const controller = new AbortController();
    const fetchFunction: FetchFunction = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(chromiumError('ERR_ABORTED'))),
      );

    const pending = axios.get('https://psa.example/x', {
      adapter: createFetchAdapter(fetchFunction),
      signal: controller.signal,
    });
    controller.abort();

    expect(axios.isCancel(await pending.catch((e: unknown) => e))).toBe(true);
  });

  it.each([
    ['ERR_NAME_NOT_RESOLVED', 'ENOTFOUND'],
    ['ERR_CONNECTION_RESET', 'ECONNRESET'],
    ['ERR_CERT_AUTHORITY_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
    ['ERR_CONNECTION_TIMED_OUT', 'ETIMEDOUT'],
    ['ERR_PROXY_CONNECTION_FAILED', 'ERR_PROXY_CONNECTION_FAILED'],
  ])('maps %s to %s', (chromium, node) => {
    expect(toNetworkFailure(chromiumError(chromium)).code).toBe(node);
  });
});

describe('createFetchAdapter with the core PSA client', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/contacts/7731') {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end('{"id":7731,"firstName":"Jane"}');
        return;
      }
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"code":"NotFound"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads a record over a loopback server', async () => {
    const adapter = createFetchAdapter(fetch);

    const body = await getPsaJson({
      psa: 'connectwise',
      record: 'contact',
      id: '7731',
      url: `${baseUrl}/contacts/7731`,
      headers: {},
      adapter,
    });

    expect(body).toEqual({ id: 7731, firstName: 'Jane' });
  });

  it('returns null for a missing record', async () => {
    const adapter = createFetchAdapter(fetch);

    const body = await getPsaJson({
      psa: 'connectwise',
      record: 'contact',
      id: '1',
      url: `${baseUrl}/contacts/1`,
      headers: {},
      adapter,
    });

    expect(body).toBeNull();
  });

  it('turns a refused connection into a PSA error naming it', async () => {
    const adapter = createFetchAdapter(async () =>
      Promise.reject(chromiumError('ERR_CONNECTION_REFUSED')),
    );

    const error = await getPsaJson({
      psa: 'connectwise',
      record: 'contact',
      id: '1',
      url: `${baseUrl}/contacts/1`,
      headers: {},
      adapter,
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ToolboxError);
    expect((error as ToolboxError).message).toMatch(/refused \(ECONNREFUSED\)/);
  });
});

describe('createFetchNetworkModule', () => {
  it('sends a GET with headers and parses JSON', async () => {
    const { fetchFunction, calls } = fakeFetch(() =>
      jsonResponse({ issuer: 'x' }, 200, { 'X-Ms-Request-Id': 'r1' }),
    );
    const network = createFetchNetworkModule(fetchFunction);

    const response = await network.sendGetRequestAsync<{ issuer: string }>(
      'https://login.example/t/v2.0/.well-known/openid-configuration',
      {
        headers: { Accept: 'application/json' },
      },
    );

    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.body).toBeUndefined();
    expect(calls[0]?.init.headers).toEqual({ Accept: 'application/json' });
    expect(response).toEqual({
      status: 200,
      body: { issuer: 'x' },
      headers: { 'content-type': 'application/json', 'x-ms-request-id': 'r1' },
    });
  });

  it('sends a POST body and returns an error status with its body', async () => {
    const { fetchFunction, calls } = fakeFetch(() =>
      jsonResponse({ error: 'invalid_client' }, 401),
    );
    const network = createFetchNetworkModule(fetchFunction);

    const response = await network.sendPostRequestAsync(
      'https://login.example/t/oauth2/v2.0/token',
      { body: 'grant_type=client_credentials' },
    );

    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('grant_type=client_credentials');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'invalid_client' });
  });

  it('throws network_error when no response arrives', async () => {
    const network = createFetchNetworkModule(() =>
      Promise.reject(chromiumError('ERR_NAME_NOT_RESOLVED')),
    );

    const error = await network
      .sendGetRequestAsync('https://login.example/x')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).errorCode).toBe('network_error');
    expect((error as AuthError).errorMessage).toMatch(/login\.example failed \(ENOTFOUND\)/);
  });

  it('throws network_error on timeout', async () => {
    const network = createFetchNetworkModule(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(chromiumError('ERR_ABORTED'))),
        ),
    );

    const error = await network
      .sendGetRequestAsync('https://login.example/x', undefined, 20)
      .catch((e: unknown) => e);

    expect((error as AuthError).errorCode).toBe('network_error');
    expect((error as AuthError).errorMessage).toMatch(/timed out after 20 ms/);
  });

  it('throws token_parsing_error for a body that is not JSON', async () => {
    const network = createFetchNetworkModule(
      async () => new Response('<html>proxy login</html>', { status: 200 }),
    );

    const error = await network
      .sendGetRequestAsync('https://login.example/x')
      .catch((e: unknown) => e);

    expect((error as AuthError).errorCode).toBe('token_parsing_error');
  });
});

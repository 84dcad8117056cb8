import axios, {
  AxiosError,
  AxiosHeaders,
  CanceledError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';

import { combineSignals, toNetworkFailure, type FetchFunction } from './net-errors';

/** Headers the fetch implementation sets itself; Chromium rejects requests that set them. */
const fetchManagedHeaders = new Set(['content-length', 'host', 'connection']);

function requestHeaders(config: InternalAxiosRequestConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON())) {
    if (value === undefined || value === null || (value as unknown) === false) continue;
    if (fetchManagedHeaders.has(name.toLowerCase())) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

function requestBody(config: InternalAxiosRequestConfig): BodyInit | undefined {
  const method = (config.method ?? 'get').toUpperCase();
  if (method === 'GET' || method === 'HEAD' || config.data == null) return undefined;

  const data: unknown = config.data;
  if (typeof data === 'string' || data instanceof URLSearchParams || data instanceof ArrayBuffer) {
    return data;
  }
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength) as Uint8Array<ArrayBuffer>;
  return JSON.stringify(data);
}

async function readData(response: Response, config: InternalAxiosRequestConfig): Promise<unknown> {
  if (config.responseType === 'arraybuffer') return Buffer.from(await response.arrayBuffer());
  if (config.responseType === 'blob') return response.blob();
  // 'json' (the default) stays text too: axios's transformResponse parses it after the adapter.
  return response.text();
}

function byteLength(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (Buffer.isBuffer(data)) return data.length;
  return 0;
}

function settle(response: AxiosResponse, config: InternalAxiosRequestConfig): AxiosResponse {
  const validateStatus = config.validateStatus;
  if (!validateStatus || validateStatus(response.status)) return response;

  const code = response.status < 500 ? AxiosError.ERR_BAD_REQUEST : AxiosError.ERR_BAD_RESPONSE;
  const message = `Request failed with status code ${response.status}`;
  throw new AxiosError(message, code, config, undefined, response);
}

/**
 * Creates an axios adapter that sends requests through `fetchFunction`. In the app that is
 * Electron's `net.fetch`, so PSA and Graph requests use Chromium's network stack with the
 * system proxy settings (PAC and WPAD included) and the OS certificate store. Supports what the
 * core uses: method, URL with params, headers, string or form body, signal, timeout,
 * validateStatus, maxContentLength, and text, JSON or arraybuffer responses.
 */
export function createFetchAdapter(fetchFunction: FetchFunction): AxiosAdapter {
  return async (config) => {
    const url = axios.getUri(config);
    const signal = combineSignals(config.signal as AbortSignal | undefined, config.timeout);

    let response: Response;
    try {
      response = await fetchFunction(url, {
        method: (config.method ?? 'get').toUpperCase(),
        headers: requestHeaders(config),
        body: requestBody(config),
        signal,
        redirect: config.maxRedirects === 0 ? 'manual' : 'follow',
      });
    } catch (error) {
      if (config.signal?.aborted) throw new CanceledError(undefined, config);
      if (signal?.aborted) {
        const code = config.transitional?.clarifyTimeoutError
          ? AxiosError.ETIMEDOUT
          : AxiosError.ECONNABORTED;
        throw new AxiosError(`timeout of ${config.timeout}ms exceeded`, code, config);
      }
      const failure = toNetworkFailure(error);
      const axiosError = new AxiosError(failure.message, AxiosError.ERR_NETWORK, config);
      axiosError.cause = failure;
      throw axiosError;
    }

    const data = await readData(response, config);
    const maxLength = config.maxContentLength ?? -1;
    if (maxLength > -1 && byteLength(data) > maxLength) {
      const message = `maxContentLength size of ${maxLength} exceeded`;
      throw new AxiosError(message, AxiosError.ERR_BAD_RESPONSE, config);
    }

    const headers = new AxiosHeaders();
    response.headers.forEach((value, name) => headers.set(name, value));
    const axiosResponse: AxiosResponse = {
      data,
      status: response.status,
      statusText: response.statusText,
      headers,
      config,
      request: { url },
    };
    return settle(axiosResponse, config);
  };
}

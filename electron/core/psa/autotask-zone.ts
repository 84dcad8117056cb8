import type { AxiosAdapter } from 'axios';
import { z } from 'zod';
import type { AutotaskConfig } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { createLogger } from '../log';
import { DEFAULT_ZONE_DISCOVERY_URL, discoveryErrorHooks } from './autotask-errors';
import type { ConcurrencyGate } from './autotask-gate';
import { getPsaJson } from './http';
import { isLoopbackHost } from '../../../shared/config';

const zoneInformationSchema = z.object({ url: z.string() });

const log = createLogger('autotask');

/**
 * Asks Autotask which zone (datacenter) serves the API user and returns that zone's API root
 * with exactly one trailing slash, e.g. `https://webservices15.autotask.net/ATServicesRest/`.
 * The request carries no credentials, because Autotask's zone discovery does not need them.
 */
export async function discoverZone(
  config: AutotaskConfig,
  gate: ConcurrencyGate,
  adapter?: AxiosAdapter,
): Promise<string> {
  const root = config.zoneDiscoveryUrl.replace(/\/+$/, '');
  const url = `${root}/v1.0/zoneInformation?user=${encodeURIComponent(config.userName)}`;
  const body = await gate.run(() =>
    getPsaJson({
      psa: 'autotask',
      record: 'zone of API user',
      id: config.userName,
      url,
      headers: { Accept: 'application/json' },
      timeoutMs: config.timeoutMs,
      adapter,
      ...discoveryErrorHooks(),
    }),
  );

  const zoneUrl = toZoneUrl(body, config.userName);
  log.info(`Autotask zone of API user ${config.userName} is ${zoneUrl}`);
  return zoneUrl;
}

function toZoneUrl(body: unknown, userName: string): string {
  const parsed = zoneInformationSchema.safeParse(body);
  const raw = parsed.success ? parsed.data.url.trim() : '';
  const fix =
    `Check that psa.zoneDiscoveryUrl points at Autotask's zone discovery service ` +
    `(normally ${DEFAULT_ZONE_DISCOVERY_URL}).`;

  if (!URL.canParse(raw)) {
    const returned = raw ? `"${raw}", which is not a URL` : 'no zone URL';
    const message = `Autotask zone discovery returned ${returned} for API user ${userName}.`;
    throw new ToolboxError('psa_error', message, { fix });
  }

  const url = new URL(raw);
  // The zone receives the API secret, so plain http is accepted only on this machine (tests).
  const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    const message =
      `Autotask zone discovery returned the zone URL "${raw}" for API user ${userName}, ` +
      `but only https URLs (plain http only on 127.0.0.1 or localhost) are allowed.`;
    throw new ToolboxError('psa_error', message, { fix });
  }

  // Record paths are resolved against this URL, so its path must end in exactly one slash.
  return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}

/** One discovered zone, shared by every request that uses it. */
export interface ZoneEntry {
  url: Promise<string>;
  /** True once a request against this zone has succeeded, so a later 401 means the zone moved. */
  confirmed: boolean;
}

/**
 * Caches the API user's zone. Concurrent first calls share one discovery. A failed discovery
 * is forgotten, so that the next call tries again.
 */
export function createZoneCache(discover: () => Promise<string>) {
  let entry: ZoneEntry | undefined;

  function start(): ZoneEntry {
    const created: ZoneEntry = { url: discover(), confirmed: false };
    created.url.catch(() => {
      if (entry === created) entry = undefined;
    });
    entry = created;
    return created;
  }

  return {
    get: (): ZoneEntry => entry ?? start(),
    /** Starts a new discovery unless another call already replaced `stale`. */
    replace: (stale: ZoneEntry): ZoneEntry => (entry === stale || !entry ? start() : entry),
  };
}

/**
 * Waits for `promise` until `signal` aborts. The shared work behind `promise` keeps running,
 * because other callers may still wait for it.
 */
export function waitFor<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);

  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

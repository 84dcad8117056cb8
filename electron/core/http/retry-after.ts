/**
 * Converts a `Retry-After` header (delay in seconds or an HTTP date) into
 * milliseconds, capped at `capMs`. Returns undefined when the header is absent
 * or unreadable, so the caller can choose its own back-off.
 */
export function parseRetryAfter(header: unknown, capMs: number, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;

  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(Number(value) * 1000, capMs);

  // Only an HTTP date may follow; V8's lenient Date.parse would read '-1' as a year.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;

  return Math.min(Math.max(date - now, 0), capMs);
}

/** Resolves after `ms`, or rejects early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }

    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

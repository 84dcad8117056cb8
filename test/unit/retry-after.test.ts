import { describe, expect, it } from 'vitest';
import { parseRetryAfter, sleep } from '../../electron/core/http/retry-after';

const now = Date.parse('2025-06-01T12:00:00Z');
const capMs = 3000;

describe('parseRetryAfter', () => {
  it.each([
    ['whole seconds', '2', 2000],
    ['zero', '0', 0],
    ['fractional seconds', '1.5', 1500],
    ['padded seconds', ' 2 ', 2000],
    ['seconds over the cap', '120', capMs],
    ['HTTP date ahead', 'Sun, 01 Jun 2025 12:00:02 GMT', 2000],
    ['HTTP date past', 'Sun, 01 Jun 2025 11:59:00 GMT', 0],
    ['HTTP date far ahead', 'Sun, 01 Jun 2025 13:00:00 GMT', capMs],
  ])('reads %s', (_case, header, expected) => {
    expect(parseRetryAfter(header, capMs, now)).toBe(expected);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['text', 'soon'],
    ['header array', ['1']],
  ])('ignores %s', (_case, header) => {
    expect(parseRetryAfter(header, capMs, now)).toBeUndefined();
  });
});

describe('sleep', () => {
  it('waits the delay', async () => {
    const started = performance.now();
    await sleep(50);

    // Timers may fire a millisecond early against performance.now(), hence 49.
    expect(performance.now() - started).toBeGreaterThanOrEqual(49);
  });

  it('rejects on abort', async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('stopped'));

    await expect(pending).rejects.toThrow('stopped');
  });

  it('rejects when already aborted', async () => {
    await expect(sleep(10, AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
  });
});

describe('parseRetryAfter rejects', () => {
  it.each(['-1', 'soon', '2026-12-04'])('%s', (header) => {
    expect(parseRetryAfter(header, 3000)).toBeUndefined();
  });
});

import { describe, expect, it, vi } from 'vitest';

import type { ListenerOptions } from '../../electron/core/listener';
import type { PopResult } from '../../shared/result';
import { httpRequest, popPath } from '../support/http-request';
import { captureLog } from '../support/log-capture';
import { failedResult, popQuery, startTestListener } from '../support/listener-fixture';

/** Builds a resolvePop that waits for the listener to close, then returns what `fail` returns. */
function waitForClose(
  fail: (query: Record<string, string | undefined>, reason: unknown) => Promise<PopResult>,
): ListenerOptions['resolvePop'] {
  return (query, signal) =>
    new Promise((resolve, reject) => {
      signal?.addEventListener('abort', () => fail(query, signal.reason).then(resolve, reject));
    });
}

const rejectWithReason = waitForClose(async (_query, reason) => Promise.reject(reason));
const returnPsaError = waitForClose(async (query) => failedResult(query, 'psa_error'));
const endings: [string, ListenerOptions['resolvePop']][] = [
  ['rejects with the abort reason', rejectWithReason],
  ['returns a PSA error', returnPsaError],
];

/** Sends a pop, closes the listener while it runs, and returns the response. */
async function popDuringClose(overrides: Partial<ListenerOptions>) {
  const listener = await startTestListener(overrides);
  const pending = httpRequest(listener.port, { path: popPath(popQuery) });
  await vi.waitFor(() => expect(listener.resolvePop).toHaveBeenCalledTimes(1));

  await listener.close();
  return { response: await pending, onResult: listener.onResult };
}

describe('listener pop cut off by close', () => {
  it.each(endings)('explains shutdown when resolvePop %s', async (_case, resolvePop) => {
    const { response } = await popDuringClose({ resolvePop });

    expect(response.status).toBe(503);
    expect(response.body).toContain('<h1 class="failed">Technician Toolbox is shutting down</h1>');
    expect(response.body).toContain('stopped this screen pop before it finished');
    expect(response.body).toContain('Reopen the screen pop from 1Stream once Technician Toolbox');
  });

  it.each(endings)('records the pop when resolvePop %s', async (_case, resolvePop) => {
    const { onResult } = await popDuringClose({ resolvePop });

    expect(onResult).toHaveBeenCalledTimes(1);
    const error = onResult.mock.calls[0]?.[0].error;
    expect(error?.message).toContain('Technician Toolbox is shutting down');
    expect(error?.fix).toContain('Reopen the screen pop');
    expect(error?.code).toBe('shutting_down');
  });

  it('waits for onResult before close resolves', async () => {
    let recorded = false;
    const onResult: ListenerOptions['onResult'] = async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      recorded = true;
    };

    await popDuringClose({ resolvePop: rejectWithReason, onResult });

    expect(recorded).toBe(true);
  });

  it('logs no unexpected failure', async () => {
    const capture = captureLog();
    try {
      await popDuringClose({ resolvePop: rejectWithReason });
    } finally {
      capture.stop();
    }

    expect(capture.lines.join('\n')).not.toContain('failed unexpectedly');
    expect(capture.lines.some((line) => line.includes('outcome=shutting_down'))).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';

import { createBrowserOpener } from '../../electron/core/cli/open-browser';
import { ToolboxError } from '../../electron/core/errors';
import type { ListenerOptions } from '../../electron/core/listener';
import { httpRequest, popPath } from '../support/http-request';
import { captureLog } from '../support/log-capture';
import {
  FORM_LINK,
  okResult,
  popQuery,
  startTestListener,
  type TestListener,
} from '../support/listener-fixture';

let listener: TestListener | undefined;

afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

/** Starts a listener in 'open' mode whose openExternal throws `error`. */
async function startFailingOpen(error: unknown): Promise<TestListener> {
  const openExternal: ListenerOptions['openExternal'] = async () => {
    throw error;
  };
  listener = await startTestListener({ popMode: 'open', openExternal });
  return listener;
}

const missingOpener = new ToolboxError(
  'internal_error',
  'xdg-open, the program that opens the default browser, is not installed (spawn xdg-open ENOENT)',
  { fix: 'Install xdg-utils.' },
);

describe('listener open mode failures', () => {
  it('records the failure as form_open_failed', async () => {
    const { port } = await startFailingOpen(missingOpener);
    const response = await httpRequest(port, { path: popPath(popQuery), headers: { Accept: 'application/json' } });
    expect(JSON.parse(response.body).error.code).toBe('form_open_failed');
  });

  it('names the reason and the fix on the page', async () => {
    const { port } = await startFailingOpen(missingOpener);

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.status).toBe(500);
    expect(response.body).toContain('The form could not be opened in your browser');
    expect(response.body).not.toContain('failed unexpectedly');
    expect(response.body).toContain('is not installed (spawn xdg-open ENOENT).');
    expect(response.body).toContain('Install xdg-utils. For this call, open the form');
  });

  it('labels the fallback as the complete form', async () => {
    const { port } = await startFailingOpen(missingOpener);

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.body).toContain('rel="noreferrer">Open the form</a>');
    expect(response.body).not.toContain('with what is known');
  });

  it('suggests redirect mode for an error without a fix', async () => {
    const { port } = await startFailingOpen(new Error('the default browser could not be started'));

    const response = await httpRequest(port, { path: popPath(popQuery) });

    expect(response.body).toContain('failed: the default browser could not be started.');
    expect(response.body).toContain('set listener.popMode to &quot;redirect&quot;');
  });

  it('logs the ids and the reason only', async () => {
    const { port } = await startFailingOpen(new Error(`Could not open ${FORM_LINK}.`));
    const capture = captureLog();

    try {
      await httpRequest(port, { path: popPath(popQuery) });
    } finally {
      capture.stop();
    }

    const failure = capture.lines.find((line) => line.includes('default browser failed'));
    expect(failure).toContain('ticket="48213" company="19342" contact="7731"');
    expect(failure).toContain('form="password_reset"');
    expect(failure).toContain('Could not open https://app.rewst.io/form/5d3c1f0e');
    const text = capture.lines.join('\n');
    expect(text).not.toContain('jdoe');
    expect(text).not.toContain('ticket_id=48213');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('records the complete link as fallback', async () => {
    const { port, onResult } = await startFailingOpen(missingOpener);

    await httpRequest(port, { path: popPath(popQuery) });

    const recorded = onResult.mock.calls[0]?.[0];
    expect(recorded?.ok).toBe(false);
    expect(recorded?.link).toBeUndefined();
    expect(recorded?.fallbackLink).toBe(FORM_LINK);
    expect(recorded?.error?.message).toContain('spawn xdg-open ENOENT');
  });

  it('keeps the query out of the message', async () => {
    const { port, onResult } = await startFailingOpen(new Error(`Could not open ${FORM_LINK}`));

    await httpRequest(port, { path: popPath(popQuery) });

    expect(onResult.mock.calls[0]?.[0].error?.message).not.toContain('jdoe');
  });
});

describe('listener open mode with the CLI opener', () => {
  it('opens a form on a loopback Rewst', async () => {
    const rewstBaseUrl = 'http://127.0.0.1:9';
    const link = `${rewstBaseUrl}/form/1?ticket_id=48213`;
    const opened: string[] = [];
    const openExternal = createBrowserOpener(rewstBaseUrl, (url) => {
      opened.push(url);
      return { command: process.execPath, args: ['-e', '', url] };
    });
    listener = await startTestListener({
      popMode: 'open',
      rewstBaseUrl,
      openExternal,
      resolvePop: async (query) => okResult(query, link),
    });

    const response = await httpRequest(listener.port, { path: popPath(popQuery) });

    expect(response.status).toBe(200);
    expect(response.body).toContain('Opened password_reset for Jane Doe in your browser');
    expect(opened).toEqual([link]);
  });
});

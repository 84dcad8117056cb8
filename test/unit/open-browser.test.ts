import { describe, expect, it } from 'vitest';

import { createBrowserOpener, type BrowserCommand } from '../../electron/core/cli/open-browser';
import { ToolboxError } from '../../electron/core/errors';

const loopbackRewst = 'http://127.0.0.1:9';
const query = '?ticket_id=48213&user=jdoe%40contoso.com';

/** Runs Node with an empty script in place of a browser, and stores the URLs it was given. */
function fakeBrowser(opened: string[]): (url: string) => BrowserCommand {
  return (url) => {
    opened.push(url);
    return { command: process.execPath, args: ['-e', '', url] };
  };
}

async function rejectionOf(promise: Promise<void>): Promise<ToolboxError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ToolboxError)) throw new Error(`expected a ToolboxError, got ${error}`);
  return error;
}

describe('CLI browser opener', () => {
  it('opens http on a loopback Rewst', async () => {
    const opened: string[] = [];
    const open = createBrowserOpener(loopbackRewst, fakeBrowser(opened));

    await open(`${loopbackRewst}/form/1${query}`);

    expect(opened).toEqual([`${loopbackRewst}/form/1${query}`]);
  });

  it('opens https on the Rewst host', async () => {
    const opened: string[] = [];
    const open = createBrowserOpener('https://app.rewst.io', fakeBrowser(opened));

    await open(`https://app.rewst.io/form/1${query}`);

    expect(opened).toHaveLength(1);
  });

  it.each([
    ['http while Rewst is https', 'https://app.rewst.io', `http://app.rewst.io/form/1${query}`],
    ['another host', 'https://app.rewst.io', `https://evil.example/form/1${query}`],
    ['another loopback port', loopbackRewst, `http://127.0.0.1:10/form/1${query}`],
    ['an oversized link', 'https://app.rewst.io', `https://app.rewst.io/f?p=${'a'.repeat(2000)}`],
  ])('rejects %s', async (_case, rewstBaseUrl, link) => {
    const opened: string[] = [];
    const open = createBrowserOpener(rewstBaseUrl, fakeBrowser(opened));

    const error = await rejectionOf(open(link));

    expect(error.code).toBe('link_rejected');
    expect(error.message).not.toContain('jdoe');
    expect(error.fix).toContain('rewst.baseUrl');
    expect(opened).toEqual([]);
  });

  it('explains a missing opener program', async () => {
    const missing = (url: string) => ({ command: '/nonexistent/xdg-open', args: [url] });
    const open = createBrowserOpener(loopbackRewst, missing);

    const error = await rejectionOf(open(`${loopbackRewst}/form/1${query}`));

    expect(error.message).toContain('is not installed or not on the PATH');
    expect(error.message).toContain('ENOENT');
    expect(error.message).not.toContain('jdoe');
    expect(error.fix).toContain('listener.popMode to "redirect"');
  });
});

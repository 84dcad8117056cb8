import { findLinkProblem } from '../core/forms/link';
import type { Logger } from '../core/log';

/** The outcome of a request to open a link in the default browser. */
export interface LinkOpenResult {
  opened: boolean;
  /** Why the link was not opened, in words. */
  reason?: string;
}

export interface LinkOpenerOptions {
  /** The configured Rewst base URL, or undefined while the app needs setup. */
  getRewstBaseUrl: () => string | undefined;
  /** Opens a URL in the default browser; Electron's shell.openExternal in the app. */
  openExternal: (url: string) => Promise<void>;
  log: Logger;
}

/** Opens links in the default browser, but only links that pass the allowlist. */
export type LinkOpener = (url: string) => Promise<LinkOpenResult>;

function describeUrlForLog(url: string): string {
  // Only the origin and the length go to the log: the query carries the caller's name and email.
  const origin = URL.canParse(url) ? new URL(url).origin : 'an invalid URL';
  return `${origin} (${url.length} characters)`;
}

/**
 * Creates the only path by which the app opens a browser. A link is opened when it is https on
 * exactly the configured Rewst host, carries no user info and stays under the Windows length
 * limit (findLinkProblem), and then in its normalised form (`new URL(url).href`). Everything
 * else is rejected and logged, and the opener never throws.
 */
export function createLinkOpener(options: LinkOpenerOptions): LinkOpener {
  const { log } = options;

  return async (url) => {
    const rewstBaseUrl = options.getRewstBaseUrl();
    if (!rewstBaseUrl) {
      const reason = 'no Rewst base URL is configured yet, so no link can be checked';
      log.warn(`Did not open ${describeUrlForLog(url)}: ${reason}.`);
      return { opened: false, reason };
    }

    const problem = findLinkProblem(url, rewstBaseUrl);
    if (problem) {
      log.warn(`Did not open ${describeUrlForLog(url)} because ${problem}.`);
      return { opened: false, reason: problem };
    }

    try {
      // The browser receives the parsed form: percent-encoded, host lower-cased, no stray spaces
      // or raw non-ASCII characters for the OS URL handler to read differently.
      await options.openExternal(new URL(url).href);
      return { opened: true };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      log.error(`Opening ${describeUrlForLog(url)} in the default browser failed: ${detail}`);
      return { opened: false, reason: `the default browser could not be started (${detail})` };
    }
  };
}

import { useEffect, useRef, useState } from 'react';
import type { ConfigIssue } from '../common/types';
import { errorMessage, invoke } from '../toolbox';

/** Pause in typing after which the config text is checked. */
const CHECK_DELAY_MS = 400;

export interface ConfigCheckState {
  /** Undefined until the first check of the current text has returned. */
  issues?: ConfigIssue[];
  /** Settings that are valid but fail when a screen pop arrives. */
  warnings?: ConfigIssue[];
  checking: boolean;
  /** Message of a check that failed to run, as opposed to problems in the config. */
  failure?: string;
}

/**
 * Checks `text` with main's config validation once typing pauses. A response for text that
 * has changed since is dropped, so the issues always belong to what is on screen.
 */
export function useConfigCheck(text: string | undefined): ConfigCheckState {
  const [state, setState] = useState<ConfigCheckState>({ checking: false });
  const latest = useRef(0);

  useEffect(() => {
    if (text === undefined) return undefined;

    const request = ++latest.current;
    setState((current) => ({ ...current, checking: true }));
    const timer = window.setTimeout(() => {
      invoke('config:check', { text }).then(
        (check) => {
          if (request === latest.current) {
            setState({ issues: check.issues, warnings: check.warnings, checking: false });
          }
        },
        (error: unknown) => {
          if (request === latest.current)
            setState({ checking: false, failure: errorMessage(error) });
        },
      );
    }, CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  return state;
}

import type { RawPopQuery } from '../app';
import type { PopResult } from '../../../shared/result';

export interface ListenerOptions {
  /** TCP port on 127.0.0.1, or 0 for a free port (tests). */
  port: number;
  /** App version, reported by /healthz and on error pages. */
  version: string;
  /** Configured Rewst base URL, whose host is the only redirect and open target. */
  rewstBaseUrl: string;
  /** 'redirect' sends a 302 to the form, and 'open' opens it with openExternal. */
  popMode: 'redirect' | 'open';
  requireApiKey: boolean;
  /** Reads the shared key from the keychain. May throw a ToolboxError. */
  getApiKey: () => Promise<string | undefined>;
  /** Resolves a pop and is expected never to throw. The signal aborts when the listener closes. */
  resolvePop: (query: RawPopQuery, signal?: AbortSignal) => Promise<PopResult>;
  /** Opens a URL in the default browser for 'open' mode, which redirects when this is absent. */
  openExternal?: (url: string) => Promise<void>;
  /** Records a result (history, tray). Called once per distinct pop, and its errors are logged. */
  onResult?: (result: PopResult) => void | Promise<void>;
  /** How long identical pops share the first result, in ms. Default 10_000. */
  dedupeWindowMs?: number;
}

/** A running listener. */
export interface ListenerHandle {
  port: number;
  /** Base URL, such as http://127.0.0.1:17345. */
  url: string;
  /** Stops accepting, closes idle connections, aborts running pops and resolves once closed. */
  close(): Promise<void>;
}

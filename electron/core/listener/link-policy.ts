import { findLinkProblem } from '../forms/link';

/** Estimate: Windows is reported to drop URLs over about 2,000 characters in openExternal. */
export const MAX_OPEN_LINK_LENGTH = 2000;
/** Apache (LimitRequestLine 8190) and nginx (8k header buffers) reject longer request lines. */
export const MAX_REDIRECT_LINK_LENGTH = 8192;

/** Decides whether the listener may send a browser to a URL. */
export interface LinkPolicy {
  /** The configured Rewst origin, for messages. */
  readonly rewstOrigin: string;
  /** Returns why `link` must not be opened, or undefined when it may be. */
  rejectReason(link: string): string | undefined;
}

/**
 * Builds the policy for redirect and open targets from the one link rule in
 * forms/link.ts, with the length limit of the way the link is used.
 */
export function createLinkPolicy(rewstBaseUrl: string, maxLength: number): LinkPolicy {
  return {
    rewstOrigin: new URL(rewstBaseUrl).origin,
    rejectReason: (link) => findLinkProblem(link, rewstBaseUrl, maxLength),
  };
}

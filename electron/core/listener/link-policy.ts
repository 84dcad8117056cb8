import { isLoopbackHost } from '../../../shared/config';

/** Decides whether the listener may send a browser to a URL. */
export interface LinkPolicy {
  /** The configured Rewst origin, for messages. */
  readonly rewstOrigin: string;
  /** Returns why `link` must not be opened, or undefined when it may be. */
  rejectReason(link: string): string | undefined;
}

/**
 * Builds the policy for redirect and open targets: `https:` on exactly the host and port of
 * `rewstBaseUrl`, or `http:` when the base URL itself is a loopback http URL (test servers).
 * No user name or password, and at most `maxLength` characters.
 */
export function createLinkPolicy(rewstBaseUrl: string, maxLength: number): LinkPolicy {
  const base = new URL(rewstBaseUrl);
  const allowedProtocols =
    base.protocol === 'http:' && isLoopbackHost(base.hostname) ? ['http:', 'https:'] : ['https:'];

  return {
    rewstOrigin: base.origin,
    rejectReason(link) {
      if (link.length > maxLength) {
        return `the link is ${link.length} characters long, over the limit of ${maxLength}`;
      }
      if (!URL.canParse(link)) return 'the link is not an absolute URL';

      const url = new URL(link);
      if (!allowedProtocols.includes(url.protocol)) {
        return `the link uses ${url.protocol} instead of ${allowedProtocols.join(' or ')}`;
      }
      if (url.username !== '' || url.password !== '') {
        return 'the link contains a user name or password before the host';
      }
      // URL.host is lowercase and leaves out default ports, so equal hosts compare equal.
      if (url.host !== base.host) {
        return `the link points to ${url.host}, not to the configured Rewst host ${base.host}`;
      }
      return undefined;
    },
  };
}

/**
 * The renderer is served from the app bundle under this custom scheme and host. The scheme is
 * registered as standard and secure, so the renderer gets a real origin (`app://toolbox`) for
 * its CSP and for the IPC sender check, unlike `file://`, whose origin is opaque.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'toolbox';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The views main can open; the renderer reads them from the location hash. */
export type WindowView = 'popover' | 'recent' | 'settings' | 'details';

/** Returns the renderer URL that opens `view`, such as `app://toolbox/index.html#/details/<id>`. */
export function rendererUrl(view: WindowView, historyId?: string): string {
  const suffix = historyId ? `/${encodeURIComponent(historyId)}` : '';
  return `${APP_ORIGIN}/index.html#/${view}${suffix}`;
}

/** True only for a URL of the app's own renderer origin. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url || !URL.canParse(url)) return false;
  const parsed = new URL(url);
  // URL.origin is "null" for non-special schemes, so protocol and host are compared instead.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    !parsed.username &&
    !parsed.password
  );
}

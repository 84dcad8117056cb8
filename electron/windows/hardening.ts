import { app, session, type WebContents } from 'electron';

import type { Logger } from '../core/log';
import { isAppUrl } from './app-origin';

function originOf(url: string): string {
  return URL.canParse(url) ? `${new URL(url).protocol}//${new URL(url).host}` : 'an invalid URL';
}

/**
 * Locks down one web contents: no new windows (links go through `link:open`), no navigation
 * away from the app's own pages, no webviews.
 */
export function hardenWebContents(contents: WebContents, log: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(
      `Denied a window.open to ${originOf(url)}; the renderer opens links through link:open.`,
    );
    return { action: 'deny' };
  });

  const denyForeign = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn(`Denied navigation to ${originOf(url)}; the app's windows show only the app.`);
  };
  contents.on('will-navigate', denyForeign);
  contents.on('will-redirect', denyForeign);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Denied a webview; the app uses none.');
  });
}

/**
 * Applies the hardening to every web contents the app creates and denies every permission
 * request (camera, notifications from the page, geolocation and the rest), because the
 * renderer needs none: notifications come from main.
 */
export function hardenApp(log: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Denied the renderer's request for permission "${permission}".`);
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
}

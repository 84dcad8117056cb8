import { protocol } from 'electron';

import { APP_SCHEME } from './app-origin';
import { respondWithRendererFile } from './renderer-files';

/**
 * Registers the app scheme as standard and secure, so pages under it get a real origin, a
 * secure context and the same-origin rules of https. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer build in `rendererDir` under `app://toolbox/`, once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithRendererFile(rendererDir, request));
}

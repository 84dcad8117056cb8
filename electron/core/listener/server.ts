import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { ToolboxError } from '../errors';
import { createLogger } from '../log';
import { createLinkPolicy, MAX_OPEN_LINK_LENGTH, MAX_REDIRECT_LINK_LENGTH } from './link-policy';
import type { ListenerHandle, ListenerOptions } from './options';
import { rawResponse } from './respond';
import { ResultRecorder } from './result-recorder';
import { createRouter } from './router';
import { createShutdownError } from './run-pop';

export type { ListenerHandle, ListenerOptions } from './options';

const log = createLogger('listener');

/**
 * How long close() lets running requests finish before it cuts their connections, and then
 * how long it waits for onResult calls still running.
 */
const CLOSE_GRACE_MS = 2000;

/** Starts the screen pop listener on 127.0.0.1 and resolves once it accepts connections. */
export async function startListener(options: ListenerOptions): Promise<ListenerHandle> {
  const lifetime = new AbortController();
  const maxLinkLength =
    options.popMode === 'open' ? MAX_OPEN_LINK_LENGTH : MAX_REDIRECT_LINK_LENGTH;
  const context = {
    options,
    version: options.version,
    linkPolicy: createLinkPolicy(options.rewstBaseUrl, maxLinkLength),
    opensExternally: options.popMode === 'open' && options.openExternal !== undefined,
    signal: lifetime.signal,
    recorder: new ResultRecorder(options.onResult),
  };
  if (options.popMode === 'open' && !options.openExternal) {
    log.warn("popMode is 'open' but no openExternal was given, so pops get a redirect instead.");
  }

  let port = options.port;
  const active = new Set<ServerResponse>();
  const handleRequest = createRouter(context, () => port);
  const server = createServer(
    {
      maxHeaderSize: 8192,
      requestTimeout: 5000,
      headersTimeout: 4000,
      keepAliveTimeout: 2000,
      // Node checks the two timeouts above only this often (default 30 s).
      connectionsCheckingInterval: 1000,
      // A request without Host reaches the guard and gets its 403 instead of Node's bare 400.
      requireHostHeader: false,
    },
    (req, res) => {
      active.add(res);
      res.on('close', () => active.delete(res));
      void handleRequest(req, res);
    },
  );
  server.maxHeadersCount = 64;
  server.on('clientError', answerClientError);

  await listen(server, options.port);
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  log.info(`Listening for screen pops on ${url}.`);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      lifetime.abort(createShutdownError());
      const forceClose = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      server.close(() => {
        clearTimeout(forceClose);
        void context.recorder.settle(CLOSE_GRACE_MS).then(() => {
          log.info(`Stopped listening on ${url}.`);
          resolve();
        });
      });
      server.closeIdleConnections();
      for (const res of active) {
        if (!res.headersSent) res.setHeader('Connection', 'close');
      }
    });
    return closing;
  };

  return { port, url, close };
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const fix =
        'Quit the other program on that port (often a second Technician Toolbox), ' +
        'or set listener.port to a free port in the config file.';
      const message =
        error.code === 'EADDRINUSE'
          ? `Port ${port} on 127.0.0.1 is already in use, so the listener cannot start.`
          : `The listener cannot listen on 127.0.0.1 port ${port}: ${error.message}`;
      reject(new ToolboxError('config_invalid', message, { fix, cause: error }));
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** Responds to requests Node could not parse, with the security headers of every response. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const bytesWritten = (socket as Duplex & { bytesWritten?: number }).bytesWritten ?? 0;
  if (error.code === 'ECONNRESET' || !socket.writable || bytesWritten > 0) {
    socket.destroy();
    return;
  }

  let response: string;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const message = 'The request headers are larger than 8 KB.';
    response = rawResponse(431, 'Request Header Fields Too Large', message);
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    response = rawResponse(408, 'Request Timeout', 'The request was not received within 5 seconds.');
  } else {
    response = rawResponse(400, 'Bad Request', 'The request is not valid HTTP/1.1.');
  }

  log.warn(`Rejected an unreadable request: ${error.code ?? error.message}.`);
  socket.end(response);
  setTimeout(() => socket.destroy(), 1000).unref();
}

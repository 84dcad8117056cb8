import path from 'node:path';

import log from 'electron-log/node';

import { configureLogging } from '../core/log';

/** File name of the app's log in the OS log folder. */
export const LOG_FILE_NAME = 'toolbox.log';

/**
 * Patterns of credentials that could reach a log line through an upstream message or a URL:
 * bearer tokens, Basic credentials, the listener key in a pop URL and OAuth form fields.
 */
const secretPatterns: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]'],
  [/([?&](?:key|client_secret|access_token|code)=)[^&\s"']+/gi, '$1[redacted]'],
  [
    /("?(?:client_secret|access_token|refresh_token|password|privateKey|apiKey)"?\s*[:=]\s*"?)[^"\s,}&]+/gi,
    '$1[redacted]',
  ],
];

/** Replaces credentials in a log text with `[redacted]`. */
export function redactSecrets(text: string): string {
  return secretPatterns.reduce(
    (current, [pattern, replacement]) => current.replace(pattern, replacement),
    text,
  );
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  // An Error is logged as its stack, which starts with its message.
  if (value instanceof Error)
    return redactSecrets(value.stack ?? `${value.name}: ${value.message}`);
  return value;
}

/**
 * Sends the log (the core's loggers included) to `toolbox.log` in the OS log folder, rotated at
 * 1 MB by electron-log, which keeps one older file as `toolbox.old.log`. Every line passes a
 * redaction hook as a second guard: the code never logs secrets on purpose, but an upstream
 * error message could quote one. Uncaught errors are logged, without a dialog. Returns the log
 * file's path.
 */
export function setUpLogging(logDir: string): string {
  const file = path.join(logDir, LOG_FILE_NAME);
  configureLogging({ file, quiet: false });
  log.hooks.push((message) => ({ ...message, data: message.data.map(redactValue) }));
  log.errorHandler.startCatching({ showDialog: false });
  return file;
}

import { createHash, timingSafeEqual } from 'node:crypto';

import { ToolboxError, toToolboxError } from '../errors';
import { secretSetCommand } from '../secrets/require-secret';

/**
 * Checks the key a screen pop carries against the stored listener key. Returns the error to
 * show, or undefined when the key matches. Neither key ever appears in the error.
 */
export async function verifyApiKey(
  providedKey: string | undefined,
  getApiKey: () => Promise<string | undefined>,
): Promise<ToolboxError | undefined> {
  let storedKey: string | undefined;
  try {
    storedKey = await getApiKey();
  } catch (error) {
    return toToolboxError(error);
  }

  if (storedKey === undefined || storedKey === '') {
    return new ToolboxError(
      'secret_missing',
      'The listener requires an API key (listener.requireApiKey is true), ' +
        'but no key is stored in the keychain on this machine.',
      { fix: `Ask your admin to run \`${secretSetCommand('listener.apiKey')}\` on this machine.` },
    );
  }

  if (providedKey === undefined || providedKey === '') {
    return new ToolboxError('unauthorized', 'The screen pop carries no API key.', {
      fix:
        'Add &key=<the shared key> to the Screen Pop URL template in 1Stream ' +
        '(or send it in the X-Api-Key header). Your admin has the key.',
    });
  }

  if (!keysMatch(providedKey, storedKey)) {
    return new ToolboxError(
      'unauthorized',
      'The API key on the screen pop does not match the key stored on this machine.',
      {
        fix:
          'Make the key in the 1Stream Screen Pop URL template and the stored key the same: ' +
          `ask your admin, who can store the current key with \`${secretSetCommand('listener.apiKey')}\`.`,
      },
    );
  }
  return undefined;
}

/** Compares SHA-256 digests, so the time taken reveals neither the content nor the length. */
function keysMatch(providedKey: string, storedKey: string): boolean {
  const provided = createHash('sha256').update(providedKey, 'utf8').digest();
  const stored = createHash('sha256').update(storedKey, 'utf8').digest();
  return timingSafeEqual(provided, stored);
}

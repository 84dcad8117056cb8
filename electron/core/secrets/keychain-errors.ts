import { ToolboxError } from '../errors';

/** Fix on Linux for a Secret Service that is missing, locked or not responding. */
const linuxFix =
  'On a Linux desktop, unlock the login keyring (for example in Seahorse, "Passwords and ' +
  'Keys") or sign in to the desktop session. On a headless Linux machine, run the command ' +
  'inside a D-Bus session with an unlocked gnome-keyring, for example ' +
  '`bash test/with-keyring.sh <command>` from the repository.';

const lockedFixByPlatform: Partial<Record<NodeJS.Platform, string>> = {
  linux: linuxFix,
  darwin: 'Unlock the login keychain in Keychain Access and allow Technician Toolbox when asked.',
  win32: 'Check that the Credential Manager service (VaultSvc) is running, then try again.',
};

function lockedFix(): string {
  return lockedFixByPlatform[process.platform] ?? 'Unlock the OS keychain and try again.';
}

/** libsecret's messages when no D-Bus session bus or no Secret Service is reachable. */
const noSecretServicePatterns = [
  /could not connect/i,
  /cannot autolaunch d-bus/i,
  /was not provided by any \.service files/i,
  /dbus_session_bus_address/i,
];

/** libsecret's and macOS's messages for a keyring that is locked or whose prompt was dismissed. */
const lockedPatterns = [/locked/i, /prompt dismissed/i, /user interaction is not allowed/i];

/** Turns a keytar rejection into keychain_unavailable, naming the likely cause and its fix. */
export function toKeychainError(error: unknown, action: string): ToolboxError {
  const detail = error instanceof Error ? error.message : String(error);

  if (noSecretServicePatterns.some((pattern) => pattern.test(detail))) {
    return new ToolboxError(
      'keychain_unavailable',
      `No Secret Service is reachable on the D-Bus session bus, so ${action} failed ` +
        `(libsecret: ${detail}).`,
      { fix: linuxFix, cause: error },
    );
  }
  if (lockedPatterns.some((pattern) => pattern.test(detail))) {
    return new ToolboxError(
      'keychain_unavailable',
      `The OS keychain is locked, so ${action} failed (${detail}).`,
      { fix: lockedFix(), cause: error },
    );
  }
  return new ToolboxError(
    'keychain_unavailable',
    `The OS keychain failed while ${action}: ${detail}`,
    { fix: lockedFix(), cause: error },
  );
}

/** Builds the error for a keychain call that timed out, usually because a keyring is locked. */
export function keychainTimeoutError(action: string, timeoutMs: number): ToolboxError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  const fix =
    process.platform === 'linux'
      ? `The keyring is probably locked and waiting for a password prompt. ${linuxFix}`
      : lockedFix();

  return new ToolboxError(
    'keychain_unavailable',
    `The OS keychain did not respond within ${seconds} s while ${action}.`,
    { fix },
  );
}

/** Builds the error for a keytar native module that cannot be loaded. */
export function keytarLoadError(error: unknown): ToolboxError {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const libsecret = process.platform === 'linux' ? ' On Linux, also install libsecret-1-0.' : '';

  return new ToolboxError(
    'keychain_unavailable',
    `The keytar native module failed to load, so the OS keychain cannot be used (${detail}).`,
    {
      fix: `Run \`npm ci\` (or \`npm rebuild keytar\`) so keytar is built for this Node.js or ` +
        `Electron version.${libsecret}`,
      cause: error,
    },
  );
}

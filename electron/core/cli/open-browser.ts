import { spawn } from 'node:child_process';
import { ToolboxError } from '../errors';
import { createLinkPolicy, MAX_OPEN_LINK_LENGTH } from '../listener/link-policy';

/** A program and its arguments that open a URL in the default browser. */
export interface BrowserCommand {
  command: string;
  args: string[];
}

/** Returns the program and arguments that open `url` in the default browser on this platform. */
function platformBrowserCommand(url: string): BrowserCommand {
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  if (process.platform === 'win32') {
    // `cmd /c start` would parse the URL again, and `&` ends a command there; rundll32 does not.
    // NOTE: this Windows branch has not been run by the tests, which run on Linux.
    return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
  }
  return { command: 'xdg-open', args: [url] };
}

/**
 * Creates the opener for the listener's 'open' pop mode under plain Node. It opens a URL only
 * when the listener's link policy for `rewstBaseUrl` allows it: https on the Rewst host, or
 * http when Rewst is configured on a loopback address. It runs no shell, and resolves once the
 * opener program has started. `commandFor` replaces the platform's program in tests.
 */
export function createBrowserOpener(
  rewstBaseUrl: string,
  commandFor: (url: string) => BrowserCommand = platformBrowserCommand,
): (url: string) => Promise<void> {
  const policy = createLinkPolicy(rewstBaseUrl, MAX_OPEN_LINK_LENGTH);

  return (url) => {
    const reason = policy.rejectReason(url);
    if (reason) {
      // The reason names the host and the length, never the query with the caller's details.
      const message = `The form link was not opened because ${reason}.`;
      const fix = `Check rewst.baseUrl (now ${policy.rewstOrigin}) in the config file.`;
      return Promise.reject(new ToolboxError('link_rejected', message, { fix }));
    }
    return launch(commandFor(url));
  };
}

function launch({ command, args }: BrowserCommand): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(describeLaunchFailure(command, error));
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

function describeLaunchFailure(command: string, error: NodeJS.ErrnoException): ToolboxError {
  const redirectFix =
    'set listener.popMode to "redirect" in the config file, so forms open in the browser ' +
    'that received the screen pop.';

  if (error.code === 'ENOENT') {
    return new ToolboxError(
      'internal_error',
      `${command}, the program that opens the default browser, is not installed or not on ` +
        `the PATH (${error.message})`,
      {
        fix: `Install ${command} (on Linux, the xdg-utils package), or ${redirectFix}`,
        cause: error,
      },
    );
  }
  return new ToolboxError(
    'internal_error',
    `starting ${command} to open the default browser failed (${error.message})`,
    { fix: `Check that ${command} runs on this machine, or ${redirectFix}`, cause: error },
  );
}

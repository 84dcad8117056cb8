import { spawn } from 'node:child_process';
import { ToolboxError } from '../errors';

/** Returns the program and arguments that open `url` in the default browser on this platform. */
function browserCommand(url: string): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  if (process.platform === 'win32') {
    // `cmd /c start` would parse the URL again, and `&` ends a command there; rundll32 does not.
    // NOTE: this Windows branch has not been run by the tests, which run on Linux.
    return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
  }
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens an https URL in the default browser without a shell, for the listener's 'open' pop
 * mode under plain Node. Resolves once the opener program has started.
 */
export function openInBrowser(url: string): Promise<void> {
  if (!url.startsWith('https://')) {
    return Promise.reject(
      new ToolboxError('link_rejected', `Only https links are opened in the browser, not ${url}.`, {
        fix: 'Set rewst.baseUrl in the config file to your https Rewst address.',
      }),
    );
  }

  const { command, args } = browserCommand(url);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', (error) => {
      const message = `The browser could not be opened with ${command}: ${error.message}`;
      const fix = `Install ${command} or set listener.popMode to "redirect" in the config file.`;
      reject(new ToolboxError('internal_error', message, { fix, cause: error }));
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

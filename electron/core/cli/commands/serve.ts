import packageJson from '../../../../package.json';
import { createToolbox } from '../../app';
import { ToolboxError } from '../../errors';
import { createHistoryStore } from '../../history/store';
import { startListener, type ListenerHandle, type ListenerOptions } from '../../listener';
import { createLogger } from '../../log';
import { describeMissingSecrets } from '../../secrets/needed-secrets';
import { requireSecret } from '../../secrets/require-secret';
import { MAX_PORT, MIN_PORT, parseCommandArgs, parsePortOption, type Command } from '../command';
import { configOptionHelp, createCliSecretStore, loadCliContext, printWarning } from '../context';
import { createBrowserOpener } from '../open-browser';
import { PARENT_CHECK_INTERVAL_MS, waitForStopRequest } from '../stop-request';

const name = 'serve';

const help = `Usage: npm run toolbox -- serve [--config <file>] [--port <number>]

Runs the screen pop listener on 127.0.0.1 without the tray app, until Ctrl+C, SIGINT or
SIGTERM, or until the process that started it exits (checked every
${PARENT_CHECK_INTERVAL_MS / 1000} s). Prints "listening on http://127.0.0.1:<port>" once it
accepts screen pops. Before that, it warns about each secret the config needs that is not in
the keychain.

Options:
${configOptionHelp}
  --port <number>  TCP port to listen on, from ${MIN_PORT} to ${MAX_PORT}; overrides
                   listener.port.`;

/** Replaces the listener's port-in-use fix with one that also names --port and the file. */
function explainStartFailure(error: unknown, port: number, configFile: string): unknown {
  const cause = error instanceof ToolboxError ? (error.cause as NodeJS.ErrnoException) : undefined;
  if (cause?.code !== 'EADDRINUSE') return error;

  return new ToolboxError('config_invalid', `Port ${port} on 127.0.0.1 is already in use.`, {
    fix:
      'Quit the program on that port (often another Technician Toolbox), or choose a free port ' +
      `with listener.port in ${configFile} or with --port <number>, and update the 1Stream ` +
      'Screen Pop URL to match.',
    cause: error,
  });
}

async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(name, {
    args,
    options: { config: { type: 'string' }, port: { type: 'string' } },
  });
  const portOption = parsePortOption(values.port, name);
  // Listening from the start, so a signal that arrives during start-up still stops cleanly.
  const stopRequest = waitForStopRequest();
  const { paths, config } = await loadCliContext(values.config, { quiet: false });
  const log = createLogger('serve');

  const secrets = createCliSecretStore();
  if (config.listener.requireApiKey) await requireSecret(secrets, 'listener.apiKey');
  // Pops that need a missing secret fail with secret_missing; the others still work.
  for (const line of await describeMissingSecrets(config, secrets)) printWarning(line);
  const history = createHistoryStore(paths.history);
  const toolbox = createToolbox({ config, secrets });
  const port = portOption ?? config.listener.port;

  const options: ListenerOptions = {
    port,
    version: packageJson.version,
    rewstBaseUrl: config.rewst.baseUrl,
    popMode: config.listener.popMode,
    requireApiKey: config.listener.requireApiKey,
    getApiKey: () => secrets.get('listener.apiKey'),
    resolvePop: (query, signal) => toolbox.resolvePop(query, signal),
    openExternal:
      config.listener.popMode === 'open' ? createBrowserOpener(config.rewst.baseUrl) : undefined,
    onResult: async (result) => {
      await history.add(result);
    },
  };

  let listener: ListenerHandle;
  try {
    listener = await startListener(options);
  } catch (error) {
    throw explainStartFailure(error, port, paths.config);
  }
  log.info(`Using config ${paths.config} and history ${paths.history}.`);
  process.stdout.write(`listening on http://127.0.0.1:${listener.port}\n`);

  log.info(`Stopping ${await stopRequest}.`);
  await listener.close();
  return 0;
}

export const serveCommand: Command = {
  name,
  summary: 'Run the screen pop listener on 127.0.0.1 until stopped',
  help,
  run,
};

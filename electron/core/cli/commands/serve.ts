import { once } from 'node:events';
import packageJson from '../../../../package.json';
import { createToolbox } from '../../app';
import { ToolboxError } from '../../errors';
import { createHistoryStore } from '../../history/store';
import { startListener, type ListenerHandle, type ListenerOptions } from '../../listener';
import { createLogger } from '../../log';
import { requireSecret } from '../../secrets/require-secret';
import { parseCommandArgs, parsePortOption, type Command } from '../command';
import { configOptionHelp, createCliSecretStore, loadCliContext } from '../context';
import { openInBrowser } from '../open-browser';

const name = 'serve';

const help = `Usage: npm run toolbox -- serve [--config <file>] [--port <number>]

Runs the screen pop listener on 127.0.0.1 without the tray app, until Ctrl+C, SIGINT or
SIGTERM. Prints "listening on http://127.0.0.1:<port>" once it accepts screen pops.

Options:
${configOptionHelp}
  --port <number>  TCP port to listen on, overriding listener.port (0 picks a free port).`;

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
  const stopSignal = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  const { paths, config } = await loadCliContext(values.config, { quiet: false });
  const log = createLogger('serve');

  const secrets = createCliSecretStore();
  if (config.listener.requireApiKey) await requireSecret(secrets, 'listener.apiKey');
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
    openExternal: config.listener.popMode === 'open' ? openInBrowser : undefined,
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

  const [signal] = (await stopSignal) as [NodeJS.Signals];
  log.info(`Stopping after ${signal}.`);
  await listener.close();
  return 0;
}

export const serveCommand: Command = {
  name,
  summary: 'Run the screen pop listener on 127.0.0.1 until stopped',
  help,
  run,
};

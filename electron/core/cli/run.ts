import { ToolboxError, toToolboxError } from '../errors';
import { EXIT_FAILURE, UsageError, type Command } from './command';
import { linksCommand } from './commands/links';
import { resolveCommand } from './commands/resolve';
import { secretCommand } from './commands/secret';
import { serveCommand } from './commands/serve';
import { KEYCHAIN_SERVICE_ENV_VAR } from './context';
import { PromptCancelled } from './read-secret';

const commands: Command[] = [serveCommand, resolveCommand, secretCommand, linksCommand];

/** Exit code after Ctrl+C, as shells report it (128 + SIGINT). */
const EXIT_CANCELLED = 130;

function usage(): string {
  const list = commands.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`);
  return [
    'Technician Toolbox: turns 1Stream screen pops into prefilled Rewst forms.',
    '',
    'Usage: npm run toolbox -- <command> [options]',
    '',
    'Commands:',
    ...list,
    '',
    'Run `npm run toolbox -- <command> --help` for the options of a command.',
    'Environment: TOOLBOX_CONFIG sets the config file; ' +
      `${KEYCHAIN_SERVICE_ENV_VAR} sets the keychain service name.`,
  ].join('\n');
}

function printError(error: unknown): number {
  if (error instanceof PromptCancelled) {
    process.stderr.write(`${error.message}\n`);
    return EXIT_CANCELLED;
  }
  if (error instanceof UsageError) {
    const helpCommand = error.command ? `${error.command} --help` : '--help';
    process.stderr.write(`error: ${error.message}\n`);
    process.stderr.write(`fix: See \`npm run toolbox -- ${helpCommand}\` for the usage.\n`);
    return EXIT_FAILURE;
  }

  // A ToolboxError already names the value and the fix, so no stack trace is printed.
  const toolboxError: ToolboxError = toToolboxError(error);
  process.stderr.write(`error: ${toolboxError.message}\n`);
  if (toolboxError.fix) process.stderr.write(`fix: ${toolboxError.fix}\n`);
  return EXIT_FAILURE;
}

/** Runs the command named by `argv[0]` and returns the exit code; never throws. */
export async function runCli(argv: string[]): Promise<number> {
  const [commandName, ...args] = argv;

  if (commandName === undefined || commandName === '--help' || commandName === '-h') {
    const stream = commandName === undefined ? process.stderr : process.stdout;
    stream.write(`${usage()}\n`);
    return commandName === undefined ? EXIT_FAILURE : 0;
  }

  const command = commands.find((candidate) => candidate.name === commandName);
  if (!command) {
    process.stderr.write(`error: Unknown command "${commandName}".\n\n${usage()}\n`);
    return EXIT_FAILURE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }

  try {
    return await command.run(args);
  } catch (error) {
    return printError(error);
  }
}

import { isSecretName, secretNames, type SecretName } from '../../secrets/names';
import { keychainServicePrefix } from '../../secrets/require-secret';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { createCliSecretStore, KEYCHAIN_SERVICE_ENV_VAR, printWarning } from '../context';
import { describeStrayWhitespace, readSecretValue } from '../read-secret';

const name = 'secret';

const nameList = Object.entries(secretNames)
  .map(([secret, description]) => `  ${secret.padEnd(20)} ${description}`)
  .join('\n');

const help = `Usage: npm run toolbox -- secret set <name>
       npm run toolbox -- secret delete <name>
       npm run toolbox -- secret list

Stores, deletes or lists the secrets the app reads from the OS keychain (service
technician-toolbox, or the one ${KEYCHAIN_SERVICE_ENV_VAR} names). "set" reads the value from
standard input: a hidden prompt in a terminal, or a pipe or file (one trailing line break is
dropped), never from the command line. A value that starts or ends with whitespace or contains
a line break is stored as given, with a warning. Values are never printed.

Names:
${nameList}`;

function parseSecretName(value: string | undefined, action: string): SecretName {
  const valid = Object.keys(secretNames).join(', ');
  if (value === undefined) {
    throw new UsageError(`secret ${action} needs a secret name; use one of: ${valid}.`, name);
  }
  if (!isSecretName(value)) {
    // Only a name-like argument is repeated, because a value typed in its place must not be.
    const nameText = /^[A-Za-z]+\.[A-Za-z]+$/.test(value) ? `"${value}"` : '(not shown)';
    throw new UsageError(`Unknown secret name ${nameText}; use one of: ${valid}.`, name);
  }
  return value;
}

async function listSecrets(): Promise<number> {
  const stored = new Set(await createCliSecretStore().list());
  for (const [secret, description] of Object.entries(secretNames)) {
    const state = stored.has(secret as SecretName) ? 'set    ' : 'not set';
    process.stdout.write(`${secret.padEnd(20)} ${state}  ${description}\n`);
  }
  return 0;
}

/** Describes extra arguments by their count only, because one of them may be a secret value. */
function extraArgumentsError(action: string | undefined, count: number): UsageError {
  const countText = count === 1 ? '1 extra argument' : `${count} extra arguments`;
  if (action !== 'set') {
    return new UsageError(`secret got ${countText}, which are not shown; remove them.`, name);
  }
  return new UsageError(
    `secret set reads the value from standard input, not from the command line, so nothing ` +
      `was stored (${countText}, not shown). Run ` +
      `\`${keychainServicePrefix()}npm run toolbox -- secret set <name>\` and ` +
      'type the value at the hidden prompt, or pipe it in. If the argument was a real secret, ' +
      'remove it from your shell history.',
    name,
  );
}

/** Parses the arguments without repeating any of them in an error, since one may be a value. */
function parsePositionals(args: string[]): string[] {
  try {
    return parseCommandArgs(name, { args, options: {}, allowPositionals: true }).positionals;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const count = args.filter((arg) => arg.startsWith('-')).length;
    throw new UsageError(
      `secret takes no options (got ${count === 1 ? '1 argument' : `${count} arguments`} ` +
        'starting with "-", not shown). A value goes to standard input, never on the command line.',
      name,
    );
  }
}

async function run(args: string[]): Promise<number> {
  const [action, secretArgument, ...extra] = parsePositionals(args);
  if (extra.length > 0) throw extraArgumentsError(action, extra.length);

  if (action === 'list') {
    if (secretArgument !== undefined) throw new UsageError('secret list takes no name.', name);
    return listSecrets();
  }
  if (action === 'set') {
    const secret = parseSecretName(secretArgument, action);
    const value = await readSecretValue(secret);
    await createCliSecretStore().set(secret, value);
    process.stdout.write(`Stored ${secret} in the OS keychain.\n`);

    const stray = describeStrayWhitespace(value);
    if (stray) {
      printWarning(
        `The value of ${secret} ${stray}; it was stored as given. If that is not part of the ` +
          'secret, store it again without it.',
      );
    }
    return 0;
  }
  if (action === 'delete') {
    const secret = parseSecretName(secretArgument, action);
    const deleted = await createCliSecretStore().delete(secret);
    process.stdout.write(deleted ? `Deleted ${secret}.\n` : `${secret} was not set.\n`);
    return 0;
  }

  const got = action === undefined ? 'none' : `"${action}"`;
  throw new UsageError(`secret needs an action: set, delete or list (got ${got}).`, name);
}

export const secretCommand: Command = {
  name,
  summary: 'Store, delete or list the secrets kept in the OS keychain',
  help,
  run,
};

import { isSecretName, secretNames, type SecretName } from '../../secrets/names';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { createCliSecretStore, KEYCHAIN_SERVICE_ENV_VAR } from '../context';
import { readSecretValue } from '../read-secret';

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
dropped). Values are never printed.

Names:
${nameList}`;

function parseSecretName(value: string | undefined, action: string): SecretName {
  const valid = Object.keys(secretNames).join(', ');
  if (value === undefined) {
    throw new UsageError(`secret ${action} needs a secret name; use one of: ${valid}.`, name);
  }
  if (!isSecretName(value)) {
    throw new UsageError(`Unknown secret name "${value}"; use one of: ${valid}.`, name);
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

async function run(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(name, { args, options: {}, allowPositionals: true });
  const [action, secretArgument, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}.`, name);

  if (action === 'list') {
    if (secretArgument !== undefined) throw new UsageError('secret list takes no name.', name);
    return listSecrets();
  }
  if (action === 'set') {
    const secret = parseSecretName(secretArgument, action);
    const value = await readSecretValue(secret);
    await createCliSecretStore().set(secret, value);
    process.stdout.write(`Stored ${secret} in the OS keychain.\n`);
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

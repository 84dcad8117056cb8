import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolboxError } from '../../electron/core/errors';
import { createKeytarStore } from '../../electron/core/secrets/keytar-store';
import { requireSecret } from '../../electron/core/secrets/require-secret';
import { createMemorySecretStore } from '../support/memory-secrets';
import { runCli } from '../support/run-cli';

/** A service name of its own, so the test never touches real Technician Toolbox entries. */
const service = `technician-toolbox-test-${randomBytes(4).toString('hex')}`;

async function caught(promise: Promise<unknown>): Promise<ToolboxError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (error instanceof ToolboxError) return error;
  throw new Error(`expected a ToolboxError, got ${String(error)}`);
}

describe('keytar store on the real keyring', () => {
  const store = createKeytarStore({ service });

  beforeAll(async () => {
    // A locked keyring still lists (nothing) but rejects writes, so the probe writes.
    const probe = store.set('listener.apiKey', 'probe').then(() => store.delete('listener.apiKey'));
    const error = await probe.then(() => undefined, (rejection: unknown) => rejection);
    if (error) {
      throw new Error(
        `The keyring is not usable: ${(error as Error).message} Run the test through ` +
          '`bash test/with-keyring.sh` (npm test does). If it already runs there, the login ' +
          "keyring under XDG_DATA_HOME was created with a password other than the script's.",
      );
    }
  });

  afterAll(async () => {
    for (const credential of await keytar.findCredentials(service)) {
      await keytar.deletePassword(service, credential.account);
    }
  });

  it('sets, gets, lists and deletes', async () => {
    await store.set('psa.privateKey', 'private-value');
    await store.set('graph.clientSecret', 'graph-value');

    expect(await store.get('psa.privateKey')).toBe('private-value');
    expect(await store.list()).toEqual(['graph.clientSecret', 'psa.privateKey']);
    expect(await store.delete('psa.privateKey')).toBe(true);
    expect(await store.get('psa.privateKey')).toBeUndefined();
    expect(await store.list()).toEqual(['graph.clientSecret']);
  });

  it('overwrites a stored value', async () => {
    await store.set('listener.apiKey', 'first');
    await store.set('listener.apiKey', 'second');

    expect(await store.get('listener.apiKey')).toBe('second');
  });

  it('reports a delete of an absent secret', async () => {
    expect(await store.delete('psa.secret')).toBe(false);
  });

  it('lists only known secret names', async () => {
    await keytar.setPassword(service, 'not.a.secret', 'x');

    expect(await store.list()).not.toContain('not.a.secret');
  });

  it('requireSecret returns a stored value', async () => {
    await store.set('psa.clientSecret', 'halo-value');

    expect(await requireSecret(store, 'psa.clientSecret')).toBe('halo-value');
  });

  it('requireSecret names the set command', async () => {
    const error = await caught(requireSecret(store, 'psa.secret'));

    expect(error.code).toBe('secret_missing');
    expect(error.message).toContain('psa.secret (Autotask API user secret)');
    expect(error.fix).toContain('npm run toolbox -- secret set psa.secret');
  });

  it('requireSecret names the store service in the command', async () => {
    const error = await caught(requireSecret(store, 'psa.secret'));

    expect(error.fix).toBe(
      `Run \`TOOLBOX_KEYCHAIN_SERVICE=${service} npm run toolbox -- secret set psa.secret\` ` +
        'and paste the value when prompted.',
    );
  });

  it('requireSecret leaves the default service out', async () => {
    const error = await caught(requireSecret(createMemorySecretStore({}), 'psa.secret'));

    expect(error.fix).toContain('Run `npm run toolbox -- secret set psa.secret`');
  });
});

describe('keytar store failures', () => {
  it('times out a call that never settles', async () => {
    const hanging = { getPassword: () => new Promise<never>(() => {}) };
    const store = createKeytarStore({
      service,
      timeoutMs: 200,
      loadKeytar: async () => hanging as unknown as typeof keytar,
    });

    const error = await caught(store.get('psa.privateKey'));

    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).toBe(
      'The OS keychain did not respond within 0.2 s while reading psa.privateKey.',
    );
    expect(error.fix).toContain('On a Linux desktop, unlock the login keyring');
  });

  it('explains a keytar module that fails to load', async () => {
    const store = createKeytarStore({
      loadKeytar: () => Promise.reject(new Error('Cannot find module keytar.node')),
    });

    const error = await caught(store.list());

    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).toContain('keytar native module failed to load');
    expect(error.message).toContain('Cannot find module keytar.node');
    expect(error.fix).toContain('npm rebuild keytar');
  });
});

describe('keychain without a Secret Service', () => {
  let folder: string;
  let silentBus: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'toolbox-bus-'));
    // Accepts D-Bus connections and never answers, like a bus whose keyring waits on a prompt.
    silentBus = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silentBus.listen(path.join(folder, 'bus'), resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silentBus.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  });

  it('fails fast when the bus socket is missing', async () => {
    const env = {
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(folder, 'missing')}`,
      TOOLBOX_KEYCHAIN_SERVICE: service,
    };

    const result = await runCli(['secret', 'list'], { env });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: No Secret Service is reachable on the D-Bus');
    expect(result.stderr).toContain('fix: On a Linux desktop, unlock the login keyring');
    expect(result.stderr).toContain('run the command inside a D-Bus session with an unlocked');
    expect(result.stderr).toContain('`bash test/with-keyring.sh <command>` from the repository');
    expect(result.stderr).not.toContain('dbus-run-session');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.ms).toBeLessThan(10_000);
  });

  it('times out when the bus never answers', async () => {
    const env = {
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(folder, 'bus')}`,
      TOOLBOX_KEYCHAIN_SERVICE: service,
    };

    const result = await runCli(['secret', 'list'], { env, killAfterMs: 25_000 });

    expect(result.stderr).toContain(
      'error: The OS keychain did not respond within 5 s while listing the stored secrets.',
    );
    expect(result.stderr).toContain('fix: The keyring is probably locked');
    expect(result.stderr).toContain('bash test/with-keyring.sh <command>');
    expect(result.stderr).toContain('note: a keychain call is still blocked');
    expect(result.signal).toBe('SIGKILL');
    expect(result.ms).toBeLessThan(15_000);
  });
});

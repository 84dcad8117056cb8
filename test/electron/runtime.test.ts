import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { createRuntime, type Runtime, type RuntimeOptions } from '../../electron/app/runtime';
import { createLinkOpener } from '../../electron/shell/link-opener';
import type { ConfigInput } from '../../shared/config';
import { configSchema } from '../../shared/config';
import { httpRequest } from '../support/http-request';
import { createMemorySecretStore } from '../support/memory-secrets';
import { startStandIns, type StandIns } from '../support/stand-ins';

/** Returns a port that was free a moment ago; the config schema does not accept port 0. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function quietLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
}

let standIns: StandIns;
let dir: string;
let runtime: Runtime | undefined;
let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>;

beforeAll(async () => {
  standIns = await startStandIns();
});

afterAll(async () => {
  await standIns.close();
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'toolbox-runtime-'));
  openExternal = vi.fn(async () => undefined);
});

afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function writeConfig(input: ConfigInput): Promise<void> {
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(input));
}

function startRuntime(extra: Partial<RuntimeOptions> = {}): Runtime {
  const log = quietLog();
  let created: Runtime | undefined = undefined;
  const openLink = createLinkOpener({
    getRewstBaseUrl: () => created?.config()?.rewst.baseUrl,
    openExternal,
    log,
  });
  created = createRuntime({
    paths: { config: path.join(dir, 'config.json'), history: path.join(dir, 'history.json') },
    version: '0.1.0-test',
    secrets: createMemorySecretStore(standIns.secrets),
    openLink,
    log,
    ...extra,
  });
  runtime = created;
  return created;
}

/** Sends a pop as a non-browser caller (node:http sends no Sec-Fetch-Mode) and reads its JSON. */
async function pop(url: string, query: Record<string, string>) {
  const port = Number(new URL(url).port);
  const response = await httpRequest(port, {
    path: `/pop?${new URLSearchParams(query)}`,
    headers: { Accept: 'application/json' },
  });
  return JSON.parse(response.body) as { ok: boolean; link?: string };
}

describe('runtime without a usable config', () => {
  it('needs setup when the config file is missing', async () => {
    const started = startRuntime();
    await started.start();

    expect(started.needsSetup()).toBe(true);
    expect(started.status().state).toBe('stopped');
    expect(started.status().message).toMatch(/^needs setup: No config file at .*config\.json/);
    expect(started.config()).toBeUndefined();
  });

  it('needs setup when the config is invalid', async () => {
    await writeFile(path.join(dir, 'config.json'), '{ "listener": { "port": "x" } }');
    const started = startRuntime();
    await started.start();

    expect(started.needsSetup()).toBe(true);
    expect(started.status().message).toMatch(/listener\.port/);
  });

  it('rejects a reopen with the reason', async () => {
    const started = startRuntime();
    await started.start();

    await expect(started.reopen('missing', 'password_reset')).rejects.toThrow(/not in the history/);
  });
});

describe('runtime with the stand-in config', () => {
  let port: number;

  beforeEach(async () => {
    port = await freePort();
    await writeConfig({
      ...standIns.configInput,
      listener: { port, requireApiKey: false, popMode: 'redirect' },
    });
  });

  it('starts the listener on the configured port', async () => {
    const started = startRuntime();
    await started.start();

    expect(started.status()).toEqual({ state: 'ready', url: `http://127.0.0.1:${port}`, port });
    expect(started.forms().map((form) => form.name)).toContain('password_reset');
  });

  it('records a pop and notifies', async () => {
    const started = startRuntime();
    const onPop = vi.fn();
    const onChange = vi.fn();
    started.onPop(onPop);
    started.onChange(onChange);
    await started.start();

    const result = await pop(`http://127.0.0.1:${port}`, {
      ticket_id: '5001',
      company_id: '250',
      contact_id: '101',
      form_name: 'password_reset',
    });
    await vi.waitFor(() => expect(onPop).toHaveBeenCalledOnce());

    expect(result.ok).toBe(true);
    expect(started.history()).toHaveLength(1);
    expect(started.history()[0]?.params.ticketId).toBe('5001');
    expect(onChange).toHaveBeenCalled();
    expect(started.status().state).toBe('ready');
  });

  it('turns failed after a failed pop and ready after a success', async () => {
    const started = startRuntime();
    await started.start();
    const url = `http://127.0.0.1:${port}`;

    await pop(url, { company_id: '250', contact_id: '101', form_name: 'no_such_form' });
    await vi.waitFor(() => expect(started.history()).toHaveLength(1));
    expect(started.status().state).toBe('failed');
    expect(started.status().message).toBeTruthy();

    await pop(url, {
      ticket_id: '5001',
      company_id: '250',
      contact_id: '101',
      form_name: 'password_reset',
    });
    await vi.waitFor(() => expect(started.history()).toHaveLength(2));
    expect(started.status().state).toBe('ready');
  });

  it('reopens a recorded pop for another form', async () => {
    const started = startRuntime();
    await started.start();
    await pop(`http://127.0.0.1:${port}`, {
      ticket_id: '5001',
      company_id: '250',
      contact_id: '101',
      form_name: 'password_reset',
    });
    await vi.waitFor(() => expect(started.history()).toHaveLength(1));

    const result = await started.reopen(started.history()[0]!.id, 'reset_mfa');

    expect(result.ok).toBe(true);
    expect(openExternal).toHaveBeenCalledOnce();
    expect(openExternal.mock.calls[0]?.[0]).toMatch(
      new RegExp(`^${standIns.rewst.baseUrl}/form/f-reset-mfa\\?`),
    );
    expect(started.history()).toHaveLength(2);
  });

  it('tests a pop without opening or recording it', async () => {
    const started = startRuntime();
    await started.start();

    const result = await started.testPop({
      company_id: '250',
      contact_id: '101',
      form_name: 'password_reset',
    });

    expect(result.ok).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
    expect(started.history()).toHaveLength(0);
  });

  it('pauses and resumes the listener', async () => {
    const started = startRuntime();
    await started.start();

    const paused = await started.pause();
    expect(paused.state).toBe('stopped');
    expect(paused.message).toMatch(/paused/);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    const resumed = await started.resume();
    expect(resumed.state).toBe('ready');
  });

  it('stays paused when a pause follows a resume at once', async () => {
    const started = startRuntime();
    await started.start();
    await started.pause();

    const resumed = started.resume();
    const paused = started.pause();
    await Promise.all([resumed, paused]);

    expect(started.status().message).toMatch(/paused/);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('listens on the --port launch option', async () => {
    const launchPort = await freePort();
    const started = startRuntime({ listenerPort: launchPort });
    await started.start();

    expect(started.status()).toEqual({
      state: 'ready',
      url: `http://127.0.0.1:${launchPort}`,
      port: launchPort,
    });
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('names --port when the launch port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await writeConfig({ ...standIns.configInput, listener: { port: await freePort() } });
      const started = startRuntime({ listenerPort: port });
      await started.start();

      expect(started.status().message).toMatch(/another --port value/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('says which port is taken and how to change it', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const started = startRuntime();
      await started.start();

      expect(started.needsSetup()).toBe(false);
      expect(started.status().state).toBe('stopped');
      expect(started.status().message).toMatch(
        new RegExp(`Port ${port} on 127.0.0.1 is already in use`),
      );
      expect(started.status().message).toMatch(/listener\.port/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('applies a saved config on a new port', async () => {
    const started = startRuntime();
    await started.start();
    const nextPort = await freePort();

    await started.applyConfig(
      configSchema.parse({ ...standIns.configInput, listener: { port: nextPort } }),
    );

    expect(started.status().port).toBe(nextPort);
    expect(started.status().state).toBe('ready');
  });

  it('stays stopped when the listener key is required but not set', async () => {
    await writeConfig({ ...standIns.configInput, listener: { port, requireApiKey: true } });
    const started = startRuntime();
    await started.start();

    expect(started.status().state).toBe('stopped');
    expect(started.status().message).toMatch(/listener\.apiKey/);
  });
});

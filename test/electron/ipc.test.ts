import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/electron-stand-in'));

import { ipcChannels } from '../../shared/ipc';
import type { ConfigFile } from '../../electron/app/config-file';
import type { Runtime } from '../../electron/app/runtime';
import { createIpcDispatcher, type IpcHandlers } from '../../electron/ipc/dispatch';
import { createIpcHandlers, type IpcHandlerDeps } from '../../electron/ipc/handlers';
import { registerIpcHandlers } from '../../electron/ipc/register';
import { recorded, resetElectronStandIn } from '../support/electron-stand-in';
import { openedEntry } from '../support/history-entries';
import { createMemorySecretStore } from '../support/memory-secrets';

const APP_URL = 'app://toolbox/index.html#/settings';
const PSA_KEY = 'pk-super-secret-value';

function quietLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
}

function fakeRuntime(): Runtime {
  const entry = openedEntry();
  return {
    start: vi.fn(),
    stop: vi.fn(),
    status: vi.fn(() => ({ state: 'ready' as const, url: 'http://127.0.0.1:17345', port: 17345 })),
    config: vi.fn(() => undefined),
    needsSetup: vi.fn(() => false),
    paused: vi.fn(() => false),
    pause: vi.fn(async () => ({ state: 'stopped' as const, port: 17345, message: 'paused' })),
    resume: vi.fn(async () => ({ state: 'ready' as const, port: 17345 })),
    applyConfig: vi.fn(),
    reloadSecrets: vi.fn(async () => undefined),
    history: vi.fn(() => [entry]),
    forms: vi.fn(() => [{ name: 'password_reset', label: 'Password reset' }]),
    reopen: vi.fn(async () => entry),
    testPop: vi.fn(async () => entry),
    onChange: vi.fn(() => () => undefined),
    onPop: vi.fn(() => () => undefined),
  };
}

function fakeConfigFile(): ConfigFile {
  return {
    read: vi.fn(async () => ({ path: '/cfg/config.json', text: '{}' })),
    check: vi.fn(() => ({
      ok: false,
      issues: [{ path: 'psa', message: 'missing — add a "psa" section' }],
    })),
    save: vi.fn(async () => ({ ok: true, issues: [] })),
  };
}

let deps: IpcHandlerDeps;

beforeEach(() => {
  resetElectronStandIn();
  deps = {
    runtime: fakeRuntime(),
    configFile: fakeConfigFile(),
    secrets: createMemorySecretStore({ 'psa.privateKey': PSA_KEY }),
    openLink: vi.fn(async () => ({ opened: true })),
    writeClipboard: vi.fn(),
    showView: vi.fn(),
  };
  registerIpcHandlers(createIpcHandlers(deps), quietLog());
});

/** Calls a registered handler the way ipcMain would, from a frame at `senderUrl`. */
function invoke(
  channel: string,
  payload?: unknown,
  senderUrl: string | null = APP_URL,
): Promise<unknown> {
  const handler = recorded.ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler for ${channel}`);
  const senderFrame = senderUrl === null ? null : { url: senderUrl };
  return Promise.resolve(handler({ senderFrame }, payload));
}

describe('IPC registration', () => {
  it('registers every channel of the contract', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(Object.keys(ipcChannels).sort());
  });
});

describe('IPC sender check', () => {
  it.each([
    ['a web page', 'https://evil.example/'],
    ['a file URL', 'file:///home/tech/index.html'],
    ['a look-alike host', 'app://toolbox.evil/index.html'],
    ['another port', 'app://toolbox:8080/index.html'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['an empty URL', ''],
  ])('rejects %s', async (_case, url) => {
    await expect(invoke('history:list', undefined, url)).rejects.toThrow(
      /sender .* is not the app's renderer at app:\/\/toolbox/,
    );
    expect(deps.runtime.history).not.toHaveBeenCalled();
  });

  it('rejects a destroyed frame', async () => {
    await expect(invoke('listener:pause', undefined, null)).rejects.toThrow(
      /a frame without a URL/,
    );
    expect(deps.runtime.pause).not.toHaveBeenCalled();
  });

  it('accepts the app renderer', async () => {
    await expect(invoke('history:list')).resolves.toHaveLength(1);
  });
});

describe('IPC payload validation', () => {
  it.each([
    ['pop:reopen', {}, /historyId/],
    ['pop:reopen', { historyId: 'a', formName: 7 }, /formName/],
    ['pop:reopen', { historyId: 'x'.repeat(101), formName: 'password_reset' }, /historyId/],
    [
      'pop:test',
      { companyId: '25a', formName: 'password_reset' },
      /companyId: must be a numeric PSA id/,
    ],
    ['link:open', { url: 'not a url' }, /url/],
    ['config:check', { text: 42 }, /text/],
    ['config:save', { text: 'x'.repeat(1_000_001) }, /text/],
    ['secrets:set', { name: 'psa.privateKey', value: '' }, /value/],
    ['window:open', { view: 'devtools' }, /view/],
    ['history:list', { unexpected: true }, /request/],
  ])('rejects a bad %s request', async (channel, payload, issue) => {
    await expect(invoke(channel, payload)).rejects.toThrow(issue);
    await expect(invoke(channel, payload)).rejects.toThrow(
      new RegExp(`IPC call ${channel} has an invalid request`),
    );
  });

  it('passes the parsed request on', async () => {
    await invoke('pop:reopen', { historyId: ' entry-1 ', formName: 'reset_mfa ' });

    expect(deps.runtime.reopen).toHaveBeenCalledWith('entry-1', 'reset_mfa');
  });

  it('rejects an unknown secret name', async () => {
    await expect(invoke('secrets:set', { name: 'psa.password', value: 'x' })).rejects.toThrow(
      /Unknown secret name "psa.password"/,
    );
  });

  it.each(['secrets:set', 'secrets:delete'])('%s rejects a long name', async (channel) => {
    const log = quietLog();
    const dispatch = createIpcDispatcher(createIpcHandlers(deps), log);
    const name = 'n'.repeat(5_000);

    const error = await dispatch(channel, APP_URL, { name, value: 'x' }).catch((e: Error) => e);

    expect(String(error)).toMatch(/invalid request \(name: /);
    expect(String(error)).not.toContain('n'.repeat(101));
    expect(log.warn.mock.calls.flat().map(String).join('\n')).not.toContain('n'.repeat(101));
  });

  it('quotes only the start of a long unknown secret name', async () => {
    const log = quietLog();
    const dispatch = createIpcDispatcher(createIpcHandlers(deps), log);
    const name = `psa.${'x'.repeat(96)}`;

    const error = await dispatch('secrets:delete', APP_URL, { name }).catch((e: Error) => e);

    expect(String(error)).toMatch(/Unknown secret name "psa\.x{36}"… \(100 characters\)/);
    expect(log.error.mock.calls.flat().map(String).join('\n')).not.toContain(name);
  });

  it('rejects an unknown channel', async () => {
    const dispatch = createIpcDispatcher(createIpcHandlers(deps), quietLog());

    await expect(dispatch('shell:exec', APP_URL, {})).rejects.toThrow(
      /Unknown IPC channel "shell:exec"/,
    );
  });
});

describe('IPC secrets', () => {
  it('reports which secrets are set without their values', async () => {
    const status = (await invoke('secrets:status')) as Array<Record<string, unknown>>;

    expect(status.find((secret) => secret.name === 'psa.privateKey')).toMatchObject({
      isSet: true,
    });
    expect(status.find((secret) => secret.name === 'graph.clientSecret')).toMatchObject({
      isSet: false,
    });
    expect(JSON.stringify(status)).not.toContain(PSA_KEY);
  });

  it('stores a secret and returns nothing', async () => {
    const response = await invoke('secrets:set', {
      name: 'graph.clientSecret',
      value: 'new-graph-secret',
    });

    expect(response).toBeUndefined();
    expect(await deps.secrets.get('graph.clientSecret')).toBe('new-graph-secret');
    expect(deps.runtime.reloadSecrets).toHaveBeenCalledOnce();
  });

  it('deletes a secret and returns nothing', async () => {
    expect(await invoke('secrets:delete', { name: 'psa.privateKey' })).toBeUndefined();
    expect(await deps.secrets.get('psa.privateKey')).toBeUndefined();
  });

  it('strips values a handler adds beyond the contract', async () => {
    const handlers = createIpcHandlers(deps);
    const leaky: IpcHandlers = {
      ...handlers,
      'secrets:status': async () =>
        [
          { name: 'psa.privateKey', description: 'key', isSet: true, value: PSA_KEY },
        ] as unknown as Awaited<ReturnType<IpcHandlers['secrets:status']>>,
    };
    const dispatch = createIpcDispatcher(leaky, quietLog());

    const response = await dispatch('secrets:status', APP_URL, undefined);

    expect(JSON.stringify(response)).not.toContain(PSA_KEY);
  });

  it('rejects a response that breaks the contract', async () => {
    const handlers: IpcHandlers = {
      ...createIpcHandlers(deps),
      'history:list': () => [{ id: 1 }] as never,
    };
    const dispatch = createIpcDispatcher(handlers, quietLog());

    await expect(dispatch('history:list', APP_URL, undefined)).rejects.toThrow(
      /main built an invalid response/,
    );
  });
});

describe('IPC handlers', () => {
  it('returns config issues as path and message', async () => {
    await expect(invoke('config:check', { text: '{}' })).resolves.toEqual({
      ok: false,
      issues: [{ path: 'psa', message: 'missing — add a "psa" section' }],
    });
  });

  it('opens links through the allowlisted opener', async () => {
    await invoke('link:open', { url: 'https://app.rewst.io/form/f-1' });

    expect(deps.openLink).toHaveBeenCalledWith('https://app.rewst.io/form/f-1');
  });

  it('writes the clipboard', async () => {
    await invoke('clipboard:write', { text: 'report' });

    expect(deps.writeClipboard).toHaveBeenCalledWith('report');
  });

  it('shows a view', async () => {
    await invoke('window:open', { view: 'details', historyId: 'entry-1' });

    expect(deps.showView).toHaveBeenCalledWith('details', 'entry-1');
  });

  it('lists no templates before setup', async () => {
    await expect(invoke('templates:list')).resolves.toEqual([]);
  });

  it('passes a handler failure on as its message', async () => {
    vi.mocked(deps.runtime.reopen).mockRejectedValueOnce(
      new Error('Screen pop x is not in the history'),
    );

    await expect(invoke('pop:reopen', { historyId: 'x', formName: 'reset_mfa' })).rejects.toThrow(
      'pop:reopen failed: Screen pop x is not in the history',
    );
  });
});

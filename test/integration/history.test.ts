import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, historyFileSchema } from '../../shared/history';
import type { PopResult } from '../../shared/result';
import { createHistoryStore, type HistoryStoreOptions } from '../../electron/core/history/store';
import type { Logger } from '../../electron/core/log';

let folder: string;
let file: string;
let logged: string[];

function popResult(ticketId: string): PopResult {
  return {
    ok: true,
    link: `https://app.rewst.io/form/f1?ticket_id=${ticketId}`,
    warnings: [],
    steps: [{ name: 'parse_request', status: 'ok', ms: 1, detail: 'ok' }],
    params: { ticketId, companyId: '250', contactId: '7', formName: 'password_reset' },
    subject: { companyName: 'Contoso' },
    totalMs: 12,
  };
}

function recordingLogger(): Logger {
  const record = (...parts: unknown[]) => void logged.push(parts.map(String).join(' '));
  return { info: record, warn: record, error: record, debug: record } as Logger;
}

function openStore(options: HistoryStoreOptions = {}) {
  return createHistoryStore(file, { logger: recordingLogger(), ...options });
}

function corruptCopies(): string[] {
  return readdirSync(folder).filter((name) => name.startsWith('history.corrupt-'));
}

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'toolbox-history-'));
  file = path.join(folder, 'nested', 'history.json');
  logged = [];
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('history store', () => {
  it('lists nothing before the first pop', async () => {
    expect(await openStore().list()).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  it('lists newest first and survives reload', async () => {
    const store = openStore();
    await store.add(popResult('1'));
    const second = await store.add(popResult('2'));

    const reloaded = await openStore().list();

    expect(reloaded.map((entry) => entry.params.ticketId)).toEqual(['2', '1']);
    expect(reloaded[0]).toEqual(second);
    expect(reloaded[0]?.id).not.toBe(reloaded[1]?.id);
  });

  it('keeps only the newest 50', async () => {
    const store = openStore();
    for (let index = 1; index <= HISTORY_LIMIT + 5; index += 1) {
      await store.add(popResult(String(index)));
    }

    const entries = await openStore().list();

    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0]?.params.ticketId).toBe('55');
    expect(entries.at(-1)?.params.ticketId).toBe('6');
  });

  it('loses no entry in 20 concurrent adds', async () => {
    const store = openStore();

    await Promise.all(Array.from({ length: 20 }, (_, index) => store.add(popResult(`${index}`))));
    const tickets = (await openStore().list()).map((entry) => entry.params.ticketId);

    expect(tickets).toHaveLength(20);
    expect(new Set(tickets).size).toBe(20);
  });

  it('writes a 0600 file and no temp files', async () => {
    await openStore().add(popResult('1'));

    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['history.json']);
  });

  it('never shows readers a partial file', async () => {
    const store = openStore();
    await store.add(popResult('0'));
    let reads = 0;
    let writing = true;

    const reader = (async () => {
      while (writing) {
        historyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
        reads += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let index = 1; index <= 30; index += 1) await store.add(popResult(`${index}`));
    writing = false;
    await reader;

    expect(reads).toBeGreaterThan(0);
  });

  it('moves a corrupt file aside and keeps the new pop', async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{"version": 1, "entries": [');
    const now = () => new Date('2026-03-01T10:20:30.456Z');

    const entry = await openStore({ now }).add(popResult('9'));
    const copies = readdirSync(path.dirname(file)).filter((name) => name.includes('corrupt'));

    expect(copies).toEqual(['history.corrupt-2026-03-01T10-20-30-456Z.json']);
    expect(readFileSync(path.join(path.dirname(file), copies[0] ?? ''), 'utf8')).toBe(
      '{"version": 1, "entries": [',
    );
    expect((await openStore().list()).map((stored) => stored.id)).toEqual([entry.id]);
    expect(logged.join('\n')).toContain('is not valid JSON');
  });

  it('moves aside a file of the wrong shape', async () => {
    file = path.join(folder, 'history.json');
    writeFileSync(file, JSON.stringify({ version: 'one', entries: [] }));

    expect(await openStore().list()).toEqual([]);
    expect(corruptCopies()).toHaveLength(1);
    expect(logged.join('\n')).toContain('is not a history file (version:');
  });

  it('moves aside a path it cannot read', async () => {
    file = path.join(folder, 'history.json');
    mkdirSync(file);

    await openStore().add(popResult('1'));

    expect(corruptCopies()).toHaveLength(1);
    expect(statSync(file).isFile()).toBe(true);
    expect(logged.join('\n')).toContain('cannot be read (EISDIR)');
  });

  it('ignores and removes a temp file left by a crash', async () => {
    const store = openStore();
    await store.add(popResult('1'));
    const stale = `${file}.deadbeef0000.tmp`;
    const fresh = `${file}.cafebabe0000.tmp`;
    writeFileSync(stale, '{"version": 1, "entr');
    writeFileSync(fresh, '{"version": 1, "entr');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(stale, longAgo, longAgo);

    const entries = await openStore().list();

    expect(entries.map((entry) => entry.params.ticketId)).toEqual(['1']);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it('stores no key query parameter', async () => {
    const result = popResult('1');
    const withExtras = {
      ...result,
      params: { ...result.params, key: 'shared-key-value' },
      query: { key: 'shared-key-value' },
    } as PopResult;

    const entry = await openStore().add(withExtras);
    const text = readFileSync(file, 'utf8');

    expect(text).not.toContain('shared-key-value');
    expect(new URL(entry.link ?? '').searchParams.has('key')).toBe(false);
    expect(entry.params).not.toHaveProperty('key');
  });

  it('rejects an invalid result and keeps the file', async () => {
    const store = openStore();
    await store.add(popResult('1'));
    const before = readFileSync(file, 'utf8');

    const error = await store.add({ ...popResult('2'), totalMs: -1 }).catch((caught) => caught);

    expect(error).toMatchObject({ code: 'internal_error' });
    expect(String(error.message)).toContain('totalMs');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PopResult } from '../../shared/result';
import { createHistoryStore } from '../../electron/core/history/store';
import type { Logger } from '../../electron/core/log';

let folder: string;
let file: string;
let logged: string[];
const now = () => new Date('2026-03-01T10:20:30.456Z');

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

function openStore() {
  const record = (...parts: unknown[]) => void logged.push(parts.map(String).join(' '));
  const logger = { info: record, warn: record, error: record, debug: record } as Logger;
  return createHistoryStore(file, { logger, now });
}

/** Writes a history file of three stored entries whose middle one `breakEntry` edits. */
async function writeWithBrokenEntry(breakEntry: (entry: Record<string, unknown>) => void) {
  const store = openStore();
  for (const ticket of ['1', '2', '3']) await store.add(popResult(ticket));
  const content = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown>[] };
  breakEntry(content.entries[1] ?? {});
  writeFileSync(file, JSON.stringify(content));
}

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'toolbox-history-recovery-'));
  file = path.join(folder, 'history.json');
  logged = [];
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('history with invalid entries', () => {
  it('keeps the valid entries', async () => {
    await writeWithBrokenEntry((entry) => delete entry.steps);

    const tickets = (await openStore().list()).map((entry) => entry.params.ticketId);

    expect(tickets).toEqual(['3', '1']);
    expect(readdirSync(folder)).toEqual(['history.json']);
  });

  it('logs the count and the reason once', async () => {
    await writeWithBrokenEntry((entry) => (entry.totalMs = 'slow'));
    const store = openStore();

    await store.list();
    await store.list();
    const drops = logged.filter((line) => line.includes('dropped'));

    expect(drops).toHaveLength(1);
    expect(drops[0]).toContain(`History file ${file}: dropped 1 of 3 entries that are not valid`);
    expect(drops[0]).toContain('(first: entries[1].totalMs: ');
  });

  it('rewrites the file without them on the next pop', async () => {
    await writeWithBrokenEntry((entry) => (entry.ok = 'yes'));

    await openStore().add(popResult('4'));
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { entries: PopResult[] };

    expect(stored.entries.map((entry) => entry.params.ticketId)).toEqual(['4', '3', '1']);
  });
});

describe('history from a newer version', () => {
  const newer = JSON.stringify({ version: 7, entries: [{ shape: 'unknown to version 1' }] });

  it('moves the file aside under its version', async () => {
    writeFileSync(file, newer);

    const entries = await openStore().list();
    const copy = path.join(folder, 'history.v7-2026-03-01T10-20-30-456Z.json');

    expect(entries).toEqual([]);
    expect(readdirSync(folder)).toEqual(['history.v7-2026-03-01T10-20-30-456Z.json']);
    expect(readFileSync(copy, 'utf8')).toBe(newer);
  });

  it('logs that it was not overwritten', async () => {
    writeFileSync(file, newer);

    await openStore().list();

    expect(logged.join('\n')).toContain(
      `History file ${file} was written by a newer version of Technician Toolbox (history ` +
        'version 7; this version reads version 1), so it is not overwritten; moved it to ',
    );
  });

  it('starts a new history and keeps the copy', async () => {
    writeFileSync(file, newer);

    await openStore().add(popResult('9'));
    const copy = path.join(folder, 'history.v7-2026-03-01T10-20-30-456Z.json');

    expect((await openStore().list()).map((entry) => entry.params.ticketId)).toEqual(['9']);
    expect(readFileSync(copy, 'utf8')).toBe(newer);
  });
});

describe('corrupt history', () => {
  it('moves aside a file without an entries list', async () => {
    writeFileSync(file, JSON.stringify({ version: 1, entries: 'none' }));

    expect(await openStore().list()).toEqual([]);
    expect(readdirSync(folder)).toEqual(['history.corrupt-2026-03-01T10-20-30-456Z.json']);
    expect(logged.join('\n')).toContain('is not a history file (entries: not a list)');
  });

  it('logs no text of a file that is not JSON', async () => {
    writeFileSync(file, '{"version": 1, "entries": [ SECRET-LOOKING-TEXT ]}');

    await openStore().list();

    expect(logged.join('\n')).toContain('is not valid JSON (Unexpected character at line 1');
    expect(logged.join('\n')).not.toContain('SECRET');
  });
});

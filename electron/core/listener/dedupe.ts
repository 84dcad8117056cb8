import type { RawPopQuery } from '../app';
import type { PopOutcome } from './pop-result';

interface Entry {
  result: Promise<PopOutcome>;
  startedAt: number;
  settled: boolean;
}

/** Builds the dedupe key of a pop: its trimmed ids and form, plus `variant` (key check outcome). */
export function popIdentity(query: RawPopQuery, variant: string): string {
  const fields = [query.ticket_id, query.company_id, query.contact_id, query.form_name];
  return JSON.stringify([...fields.map((value) => value?.trim() ?? ''), variant]);
}

/**
 * Remembers each pop's result for `windowMs` after it started, so that 1Stream firing the same
 * pop twice resolves it once. A pop still running when the window ends stays shared until it
 * settles.
 */
export class PopDedupe {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly windowMs: number) {}

  /** Returns the result of an identical pop within the window, running or settled. */
  find(identity: string, now = Date.now()): Promise<PopOutcome> | undefined {
    this.prune(now);
    return this.entries.get(identity)?.result;
  }

  /** Stores a new pop's result, which must never reject. */
  remember(identity: string, result: Promise<PopOutcome>, now = Date.now()): void {
    const entry: Entry = { result, startedAt: now, settled: false };
    this.entries.set(identity, entry);
    const markSettled = () => {
      entry.settled = true;
    };
    result.then(markSettled, markSettled);
  }

  private prune(now: number): void {
    for (const [identity, entry] of this.entries) {
      if (entry.settled && now - entry.startedAt >= this.windowMs) this.entries.delete(identity);
    }
  }
}

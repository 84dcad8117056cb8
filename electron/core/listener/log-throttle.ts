/**
 * Counts repeats of a log line per key, so a page hammering the listener cannot flood the log:
 * the first occurrence in each `intervalMs` is logged, with how many were left out before it.
 */
export class LogThrottle {
  private readonly lastLogged = new Map<string, number>();
  private readonly suppressed = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  /** Returns undefined to skip this line, else how many lines of this key were skipped before. */
  admit(key: string, now = Date.now()): number | undefined {
    const last = this.lastLogged.get(key);
    if (last !== undefined && now - last < this.intervalMs) {
      this.suppressed.set(key, (this.suppressed.get(key) ?? 0) + 1);
      return undefined;
    }

    const skipped = this.suppressed.get(key) ?? 0;
    this.lastLogged.set(key, now);
    this.suppressed.delete(key);
    return skipped;
  }
}

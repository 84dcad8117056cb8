/**
 * Sliding-window limit on distinct screen pops. Every web page the technician opens can navigate
 * the browser to the listener, so this caps how hard such a page can make the PSA and Graph work.
 */
export class PopRateLimiter {
  private readonly startTimes: number[] = [];

  constructor(
    private readonly maxPops: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one pop. Returns undefined when allowed, else the seconds until a slot frees up. */
  take(now = Date.now()): number | undefined {
    while (this.startTimes.length > 0 && now - (this.startTimes[0] ?? now) >= this.windowMs) {
      this.startTimes.shift();
    }

    if (this.startTimes.length >= this.maxPops) {
      const oldest = this.startTimes[0] ?? now;
      return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    }

    this.startTimes.push(now);
    return undefined;
  }
}

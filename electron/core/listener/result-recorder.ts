import { createLogger } from '../log';
import type { PopResult } from '../../../shared/result';
import type { ListenerOptions } from './options';

const log = createLogger('listener');

/**
 * Hands each pop's result to onResult and logs its failures. Tracks the pops and onResult calls
 * still running, so that close() can wait for them. The CLI exits right after close(), which
 * would otherwise cut off a history write in progress.
 */
export class ResultRecorder {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly onResult: ListenerOptions['onResult']) {}

  /** Counts `work` as running until it settles. */
  track(work: Promise<unknown>): void {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
  }

  /** Starts onResult for `result` without waiting for it. */
  record(result: PopResult): void {
    if (this.onResult) this.track(this.callOnResult(this.onResult, result));
  }

  /**
   * Resolves once every tracked pop and onResult call has settled, including those started
   * meanwhile, or after `timeoutMs`, when it logs how many were still running.
   */
  async settle(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs);
    });

    while (this.running.size > 0 && !timedOut) {
      await Promise.race([Promise.allSettled([...this.running]), deadline]);
    }
    clearTimeout(timer);

    if (this.running.size > 0) {
      log.warn(
        `Stopped waiting after ${timeoutMs} ms for ${this.running.size} screen pop(s) ` +
          'to finish and be recorded in the history, so those entries may be missing.',
      );
    }
  }

  private async callOnResult(
    onResult: NonNullable<ListenerOptions['onResult']>,
    result: PopResult,
  ): Promise<void> {
    try {
      await onResult(result);
    } catch (error) {
      log.error('Recording the screen pop result failed:', error);
    }
  }
}

import type { ListenerStatus } from '../../shared/ipc';
import type { PopResult } from '../../shared/result';

/** Tracks pops in flight and the last outcome, for the tray icon's working and failed states. */
export interface PopStatusTracker {
  begin(): void;
  end(): void;
  /** Records a finished pop; a failure keeps the failed state until the next success. */
  record(result: PopResult): void;
  /** Returns the status of a running listener at `url`. */
  statusOf(url: string, port: number): ListenerStatus;
}

export function createPopStatusTracker(): PopStatusTracker {
  let inFlight = 0;
  let lastFailure: string | undefined;

  return {
    begin() {
      inFlight += 1;
    },
    end() {
      inFlight = Math.max(0, inFlight - 1);
    },
    record(result) {
      lastFailure = result.ok
        ? undefined
        : (result.error?.message.split('\n')[0] ?? 'unknown reason');
    },
    statusOf(url, port) {
      if (inFlight > 0) return { state: 'working', url, port };
      if (lastFailure !== undefined) return { state: 'failed', url, port, message: lastFailure };
      return { state: 'ready', url, port };
    },
  };
}

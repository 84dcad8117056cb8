/** Rejection of a task that waited longer than `maxWaitMs` for a free slot. */
export class QueueTimeoutError extends Error {
  constructor(readonly waitedMs: number) {
    super(`No request slot became free within ${waitedMs} ms.`);
    this.name = 'QueueTimeoutError';
  }
}

export interface GateOptions {
  /** Ends the wait for a slot early, and the gate then rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Maximum wait in ms for a slot before the gate rejects with QueueTimeoutError. */
  maxWaitMs?: number;
}

/** A counting semaphore: at most `limit` tasks run at once, and the others wait in FIFO order. */
export interface ConcurrencyGate {
  run<T>(task: () => Promise<T>, options?: GateOptions): Promise<T>;
  /** Number of tasks running now. */
  readonly running: number;
  /** Number of tasks waiting for a slot now. */
  readonly waiting: number;
}

type Waiter = () => void;

export function createConcurrencyGate(limit: number): ConcurrencyGate {
  let running = 0;
  const queue: Waiter[] = [];

  function release(): void {
    const next = queue.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next) next();
    else running -= 1;
  }

  function acquire(options: GateOptions): Promise<void> {
    const { signal, maxWaitMs } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (running < limit) {
      running += 1;
      return Promise.resolve();
    }

    return new Promise<void>((resolve, reject) => {
      const leave = (reason: unknown) => {
        const index = queue.indexOf(admit);
        if (index >= 0) queue.splice(index, 1);
        cleanUp();
        reject(reason);
      };
      const onAbort = () => leave(signal?.reason);
      const timer =
        maxWaitMs === undefined
          ? undefined
          : setTimeout(() => leave(new QueueTimeoutError(maxWaitMs)), maxWaitMs);
      const cleanUp = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const admit: Waiter = () => {
        cleanUp();
        resolve();
      };

      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(admit);
    });
  }

  return {
    async run(task, options = {}) {
      await acquire(options);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}

import type { StepName, StepRecord, StepStatus } from '../../../shared/result';
import { toToolboxError } from '../errors';

/** A step function's outcome: its value, a status other than error, and a line for the timeline. */
export interface StepOutcome<T> {
  value: T;
  status?: Exclude<StepStatus, 'error'>;
  detail: string;
}

/** The timeline of one pop: each step's status, duration and detail, in the order they ended. */
export class StepLog {
  readonly steps: StepRecord[] = [];

  /** Runs a step and records it; a thrown error is recorded as the step's error and rethrown. */
  async run<T>(name: StepName, step: () => Promise<StepOutcome<T>> | StepOutcome<T>): Promise<T> {
    const started = performance.now();
    try {
      const outcome = await step();
      this.record(name, outcome.status ?? 'ok', started, outcome.detail);
      return outcome.value;
    } catch (error) {
      const failure = toToolboxError(error);
      this.record(name, 'error', started, failure.message);
      throw failure;
    }
  }

  skip(name: StepName, detail: string): void {
    this.steps.push({ name, status: 'skipped', ms: 0, detail });
  }

  private record(name: StepName, status: StepStatus, started: number, detail: string): void {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    this.steps.push({ name, status, ms, detail });
  }
}

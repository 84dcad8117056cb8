import type { ErrorCode } from '../../../shared/result';
import { toToolboxError } from '../errors';
import type { PopState } from './pop-state';
import type { StepOutcome } from './step-log';

/**
 * Turns a failed lookup into a warning when the pop can go on without its
 * result (`required` false); otherwise the failure ends the pop. Unexpected
 * failures (internal_error) always end it.
 */
export async function softenUnless<T>(
  required: boolean,
  state: PopState,
  step: Promise<StepOutcome<T>>,
): Promise<StepOutcome<T | undefined> & { code?: ErrorCode }> {
  try {
    return await step;
  } catch (error) {
    const failure = toToolboxError(error);
    if (required || failure.code === 'internal_error') throw failure;

    state.warnings.push(`${failure.message} The pop continues without these details.`);
    return { value: undefined, status: 'warning', detail: failure.message, code: failure.code };
  }
}

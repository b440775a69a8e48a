// Which failures of the governor's own logic are permanent: input no decision can be made on is
// dead-lettered as VALIDATION_FAILED, an impossible record update or a grant the signer refuses as
// HANDLER_FAILED. Anything else (store, bus) is transient and retried.
import { isAuthorityError } from '@warmline/authority';
import { PermanentHandlerError } from '@warmline/bus';
import { EscalationInputError, isPolicyLibError } from '@warmline/policy';
import { IntentChangeInvalidError } from './errors.js';

/** Runs `work`, turning permanent failures into PermanentHandlerError (dead letter, no retry). */
export async function refusingPermanentFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw permanentFailureOf(err) ?? err;
  }
}

/** The dead-letter form of `err`, or null when it is transient. */
export function permanentFailureOf(err: unknown): PermanentHandlerError | null {
  if (err instanceof IntentChangeInvalidError || err instanceof EscalationInputError) {
    return new PermanentHandlerError(err.message, {
      reason: 'VALIDATION_FAILED',
      errorCode: err.code,
      cause: err,
    });
  }
  if (isPolicyLibError(err) || isAuthorityError(err)) {
    return new PermanentHandlerError(err.message, {
      reason: 'HANDLER_FAILED',
      errorCode: err.code,
      cause: err,
    });
  }
  return null;
}

// Input the scheduler's rules refuse (a malformed request, a window with a bad zone, an unknown or
// foreign appointment) is dead-lettered at once as VALIDATION_FAILED with its code, never retried.
import { PermanentHandlerError } from '@warmline/bus';
import { isSchedulingError } from '@warmline/scheduling';
import { AppointmentInteractionMismatchError, ChangeRequestInvalidError } from './errors.js';

/** The permanent failure for `err`, or null when retrying could help (store or bus trouble). */
export function validationFailure(err: unknown): PermanentHandlerError | null {
  const refused =
    (isSchedulingError(err) && err.code !== 'BOOKING_CONFLICT') ||
    err instanceof ChangeRequestInvalidError ||
    err instanceof AppointmentInteractionMismatchError;
  if (!refused) return null;
  return new PermanentHandlerError(err.message, {
    reason: 'VALIDATION_FAILED',
    errorCode: err.code,
    cause: err,
  });
}

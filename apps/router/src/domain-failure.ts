// Input that breaks the transfer's rules (a report out of place, a leg of no attempt, an answer for
// a reservation nobody holds) is dead-lettered with the rule's code and never retried; everything
// else thrown is transient and the bus redelivers the message.
import { PermanentHandlerError } from '@warmline/bus';
import { isHandoffError } from '@warmline/handoff';
import { isRosterError } from '@warmline/roster';

/** Runs `work`, turning the domain libraries' refusals into a permanent VALIDATION_FAILED. */
export async function refusingBadInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isHandoffError(err) && !isRosterError(err)) throw err;
    throw new PermanentHandlerError(err.message, {
      reason: 'VALIDATION_FAILED',
      errorCode: err.code,
      cause: err,
    });
  }
}

// The one place that decides how a delivered message is settled, and the one place that does it.
// ack/nak/term are network publishes, so they are made "quietly": a failure is logged, never thrown
// into the consume loop — the server redelivers an unsettled message after the ack wait anyway.
import type { JsMsg } from '@nats-io/jetstream';
import { describe, errorCodeOf, PermanentHandlerError } from './errors.js';
import type { BusLogger } from './logger.js';
import { redeliveryDelayMs, type RetryPolicy } from './retry-policy.js';

/** Why a message was dead-lettered (`warmline.v1.DeadLetterReason` without its prefix). */
export type DeadLetterReason =
  | 'DECODE_FAILED'
  | 'VALIDATION_FAILED'
  | 'SCOPE_DENIED'
  | 'GRANT_REFUSED'
  | 'HANDLER_FAILED'
  | 'MAX_DELIVERIES_EXCEEDED';

/** What happened to one delivery before settling. */
export type DeliveryOutcome =
  | { readonly kind: 'handled' }
  | { readonly kind: 'rejected'; readonly reason: DeadLetterReason; readonly error: string }
  | { readonly kind: 'failed'; readonly error: unknown };

/** Why a dead letter is written: the record's reason, error text and stable error code. */
export interface DeadLetterCause {
  readonly reason: DeadLetterReason;
  readonly error: string;
  readonly errorCode: string;
}

/** How to settle one delivery. */
export type Settlement =
  | { readonly action: 'ack' }
  | { readonly action: 'nak'; readonly delayMs: number }
  | ({ readonly action: 'dead-letter' } & DeadLetterCause);

/**
 * Decides the settlement of a delivery: handled → ack; rejected before the handler (undecodable,
 * unauthorised, exhausted) → dead-letter; handler failure → nak with backoff while deliveries
 * remain, dead-letter on the last one or at once for a `PermanentHandlerError`.
 */
export function decideSettlement(
  outcome: DeliveryOutcome,
  deliveryCount: number,
  policy: RetryPolicy,
): Settlement {
  switch (outcome.kind) {
    case 'handled':
      return { action: 'ack' };
    case 'rejected':
      return {
        action: 'dead-letter',
        reason: outcome.reason,
        error: outcome.error,
        errorCode: outcome.reason,
      };
    case 'failed':
      if (outcome.error instanceof PermanentHandlerError) {
        return {
          action: 'dead-letter',
          reason: outcome.error.reason,
          error: describe(outcome.error),
          errorCode: outcome.error.errorCode,
        };
      }
      if (deliveryCount >= policy.maxDeliver) {
        return {
          action: 'dead-letter',
          reason: 'MAX_DELIVERIES_EXCEEDED',
          error: `failed on delivery ${deliveryCount} of ${policy.maxDeliver}: ${describe(outcome.error)}`,
          errorCode: errorCodeOf(outcome.error),
        };
      }
      return { action: 'nak', delayMs: redeliveryDelayMs(policy, deliveryCount) };
  }
}

/** Writes the dead-letter record of the message being settled; rejects if it was not stored. */
export type DeadLetterWrite = (cause: DeadLetterCause) => Promise<void>;

/**
 * Carries out a settlement. A dead letter is written before `term()`; if that write fails the
 * message is nak'ed instead, so it is never dropped without a record.
 */
export async function settle(
  m: JsMsg,
  settlement: Settlement,
  writeDeadLetter: DeadLetterWrite,
  policy: RetryPolicy,
  logger: BusLogger,
): Promise<'ack' | 'nak' | 'dead-letter' | 'kept'> {
  switch (settlement.action) {
    case 'ack':
      quietly(() => m.ack(), 'ack', m, logger);
      return 'ack';
    case 'nak':
      quietly(() => m.nak(settlement.delayMs), `nak(${settlement.delayMs} ms)`, m, logger);
      return 'nak';
    case 'dead-letter':
      try {
        await writeDeadLetter(settlement);
      } catch (error) {
        const delayMs = redeliveryDelayMs(policy, m.info.deliveryCount);
        logger.error(
          `dead-letter write for ${m.subject} (stream seq ${m.seq}) failed, redelivering in ${delayMs} ms: ${describe(error)}`,
        );
        quietly(() => m.nak(delayMs), `nak(${delayMs} ms)`, m, logger);
        return 'kept';
      }
      logger.warn(
        `dead-lettered ${m.subject} (stream seq ${m.seq}): ${settlement.reason}: ${settlement.error}`,
      );
      // No reason text: nats-server 2.9 ignores a "+TERM <reason>" it cannot parse, leaving the message pending.
      quietly(() => m.term(), 'term', m, logger);
      return 'dead-letter';
  }
}

function quietly(action: () => void, what: string, m: JsMsg, logger: BusLogger): void {
  try {
    action();
  } catch (error) {
    logger.warn(
      `${what} of ${m.subject} (stream seq ${m.seq}) not sent; the server will redeliver: ${describe(error)}`,
    );
  }
}

// What to do when a live transfer attempt fails, following the grant's fallback rules.
import { GRANT_SCOPES, v1, type warmline } from '@warmline/contracts';
import { HandoffInputError } from './errors.js';
import { failureReasonOf, fallbackConditionOf, type TransferFailure } from './failure.js';
import type { Handoff } from './handoff.js';
import { appointmentMessage, returnToAiMessage } from './return-messages.js';

/** The fallback actions, as words (warmline.v1.FallbackAction without UNSPECIFIED). */
export type FallbackActionName = 'next_closer' | 'book_appointment' | 'return_to_ai';

/** One of the grant's fallback rules (GrantClaims.fallback_rules). */
export interface FallbackRuleInput {
  readonly condition: warmline.v1.FallbackCondition;
  readonly action: warmline.v1.FallbackAction;
}

/** The parts of a verified grant (and of the intent state) that decide the fallback. */
export interface FallbackGrant {
  /** Closers to try at most, >= 1 (resolve the grant's 0 = "policy default" before calling). */
  readonly maxAttempts: number;
  /** Checked in order; the first matching rule wins. */
  readonly fallbackRules: readonly FallbackRuleInput[];
  readonly fallbackScopes: readonly string[];
  readonly scopes: readonly string[];
  /** How long after the readiness peak the buyer may still be connected; 0 = no limit (unset). */
  readonly readinessWindowMs: number;
  /** When readiness peaked (IntentState.readiness.peak_at); `null` = unknown, no window applies. */
  readonly readinessPeakAtMs: number | null;
}

/** The decision: what to do, why, and what the agent says. */
export interface FallbackStep {
  readonly action: FallbackActionName;
  /** The failure that decided it (attempts_exhausted / readiness_expired when a retry was refused). */
  readonly reason: TransferFailure;
  readonly failureReason: warmline.v1.HandoffFailureReason;
  readonly fallbackAction: warmline.v1.FallbackAction;
  /** For book_appointment and return_to_ai: the honest line for the AI agent. */
  readonly message?: string;
  /** Index of the grant rule applied; `null` when none matched (the default: back to the AI). */
  readonly ruleIndex: number | null;
}

/** Failures that go through the fallback rules (a hang-up ends the handoff instead: callerHungUp). */
export type FallbackFailure = Exclude<TransferFailure, 'caller_hung_up'>;

const A = v1.FallbackAction;

/**
 * The next step after `failure`, by the grant's rules in order (first matching rule wins):
 * - no matching rule, RETURN_TO_AI or UNSPECIFIED: return_to_ai;
 * - NEXT_CLOSER: next_closer while handoff.attempt < maxAttempts and the readiness window since the
 *   peak has not passed; otherwise (and always for no_closer_available, which has no next closer)
 *   the ATTEMPTS_EXHAUSTED rule decides, with reason attempts_exhausted or readiness_expired, and a
 *   NEXT_CLOSER there means return_to_ai;
 * - BOOK_APPOINTMENT: book_appointment when `appointment.book` is in scopes or fallbackScopes,
 *   otherwise return_to_ai.
 * grant_expired and grant_invalid always return to the AI: a dead grant authorises nothing more.
 */
export function nextStep(
  handoff: Pick<Handoff, 'attempt'>,
  failure: FallbackFailure,
  grant: FallbackGrant,
  nowMs: number,
): FallbackStep {
  checkGrant(grant, nowMs);
  const condition = fallbackConditionOf(failure);
  if (condition === null) return returnToAi(failure, null);
  const ruleIndex = firstRule(grant, condition);
  if (ruleIndex === null) return returnToAi(failure, null);
  const action = grant.fallbackRules[ruleIndex]?.action;
  if (action !== A.FALLBACK_ACTION_NEXT_CLOSER) return terminalStep(grant, failure, ruleIndex);
  const refused = retryRefusal(handoff, failure, grant, nowMs);
  if (refused === null) {
    return {
      action: 'next_closer',
      reason: failure,
      failureReason: failureReasonOf(failure),
      fallbackAction: A.FALLBACK_ACTION_NEXT_CLOSER,
      ruleIndex,
    };
  }
  const exhaustedIndex = firstRule(
    grant,
    v1.FallbackCondition.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
  );
  if (exhaustedIndex === null) return returnToAi(refused, null);
  return terminalStep(grant, refused, exhaustedIndex);
}

// Why another closer may not be tried; `null` when one may.
function retryRefusal(
  handoff: Pick<Handoff, 'attempt'>,
  failure: TransferFailure,
  grant: FallbackGrant,
  nowMs: number,
): TransferFailure | null {
  if (failure === 'no_closer_available') return 'no_closer_available';
  if (failure === 'attempts_exhausted' || failure === 'readiness_expired') return failure;
  if (handoff.attempt >= grant.maxAttempts) return 'attempts_exhausted';
  const { readinessWindowMs, readinessPeakAtMs } = grant;
  if (
    readinessWindowMs > 0 &&
    readinessPeakAtMs !== null &&
    nowMs - readinessPeakAtMs > readinessWindowMs
  ) {
    return 'readiness_expired';
  }
  return null;
}

// The step for a rule whose action ends the live transfer (a NEXT_CLOSER here cannot be honoured).
function terminalStep(
  grant: FallbackGrant,
  reason: TransferFailure,
  ruleIndex: number,
): FallbackStep {
  const action = grant.fallbackRules[ruleIndex]?.action;
  const mayBook =
    grant.scopes.includes(GRANT_SCOPES.appointmentBook) ||
    grant.fallbackScopes.includes(GRANT_SCOPES.appointmentBook);
  if (action === A.FALLBACK_ACTION_BOOK_APPOINTMENT && mayBook) {
    return {
      action: 'book_appointment',
      reason,
      failureReason: failureReasonOf(reason),
      fallbackAction: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
      message: appointmentMessage(reason),
      ruleIndex,
    };
  }
  return returnToAi(reason, ruleIndex);
}

function returnToAi(reason: TransferFailure, ruleIndex: number | null): FallbackStep {
  return {
    action: 'return_to_ai',
    reason,
    failureReason: failureReasonOf(reason),
    fallbackAction: A.FALLBACK_ACTION_RETURN_TO_AI,
    message: returnToAiMessage(reason),
    ruleIndex,
  };
}

function firstRule(grant: FallbackGrant, condition: warmline.v1.FallbackCondition): number | null {
  const index = grant.fallbackRules.findIndex((rule) => rule.condition === condition);
  return index === -1 ? null : index;
}

function checkGrant(grant: FallbackGrant, nowMs: number): void {
  if (!Number.isSafeInteger(grant.maxAttempts) || grant.maxAttempts < 1) {
    throw new HandoffInputError(
      'maxAttempts',
      `must be a positive integer (resolve 0 to the policy default), got ${grant.maxAttempts}`,
    );
  }
  if (!Number.isFinite(grant.readinessWindowMs) || grant.readinessWindowMs < 0) {
    throw new HandoffInputError(
      'readinessWindowMs',
      `must be 0 or more, got ${grant.readinessWindowMs}`,
    );
  }
  if (!Number.isFinite(nowMs)) throw new HandoffInputError('nowMs', `must be finite, got ${nowMs}`);
}

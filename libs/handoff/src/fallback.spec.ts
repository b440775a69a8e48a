import { v1 } from '@warmline/contracts';
import { HandoffInputError } from './errors.js';
import { nextStep, type FallbackGrant, type FallbackRuleInput } from './fallback.js';

const C = v1.FallbackCondition;
const A = v1.FallbackAction;
const NOW = Date.UTC(2026, 2, 4, 15, 0);

const rule = (condition: number, action: number): FallbackRuleInput => ({ condition, action });

function grant(overrides: Partial<FallbackGrant> = {}): FallbackGrant {
  return {
    maxAttempts: 3,
    fallbackRules: [
      rule(C.FALLBACK_CONDITION_NO_ANSWER, A.FALLBACK_ACTION_NEXT_CLOSER),
      rule(C.FALLBACK_CONDITION_CLOSER_DECLINED, A.FALLBACK_ACTION_NEXT_CLOSER),
      rule(C.FALLBACK_CONDITION_VOICEMAIL, A.FALLBACK_ACTION_NEXT_CLOSER),
      rule(C.FALLBACK_CONDITION_NO_CLOSER_AVAILABLE, A.FALLBACK_ACTION_BOOK_APPOINTMENT),
      rule(C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED, A.FALLBACK_ACTION_BOOK_APPOINTMENT),
      rule(C.FALLBACK_CONDITION_TELEPHONY_ERROR, A.FALLBACK_ACTION_RETURN_TO_AI),
    ],
    scopes: ['transfer.live'],
    fallbackScopes: ['appointment.book'],
    readinessWindowMs: 90_000,
    readinessPeakAtMs: NOW - 30_000,
    ...overrides,
  };
}

describe('nextStep', () => {
  it('tries the next closer while attempts and the readiness window last', () => {
    expect(nextStep({ attempt: 1 }, 'no_answer', grant(), NOW)).toEqual({
      action: 'next_closer',
      reason: 'no_answer',
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_NO_ANSWER,
      fallbackAction: A.FALLBACK_ACTION_NEXT_CLOSER,
      ruleIndex: 0,
    });
    expect(nextStep({ attempt: 2 }, 'closer_busy', grant(), NOW).action).toBe('next_closer');
    expect(nextStep({ attempt: 2 }, 'reservation_rejected', grant(), NOW)).toMatchObject({
      action: 'next_closer',
      ruleIndex: 1,
    });
  });

  it('applies the ATTEMPTS_EXHAUSTED rule once max_attempts closers were tried', () => {
    const step = nextStep({ attempt: 3 }, 'no_answer', grant(), NOW);
    expect(step).toMatchObject({
      action: 'book_appointment',
      reason: 'attempts_exhausted',
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_ATTEMPTS_EXHAUSTED,
      fallbackAction: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
      ruleIndex: 4,
    });
    expect(step.message).toMatch(
      /^None of our specialists could pick up right now\. Let's find a time/,
    );
  });

  it('applies the ATTEMPTS_EXHAUSTED rule once the readiness window since the peak has passed', () => {
    const late = NOW + 61_000; // 91 s after the peak, window 90 s
    expect(nextStep({ attempt: 1 }, 'closer_declined', grant(), late)).toMatchObject({
      action: 'book_appointment',
      reason: 'readiness_expired',
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_READINESS_EXPIRED,
    });
    expect(nextStep({ attempt: 1 }, 'closer_declined', grant(), NOW + 60_000).action).toBe(
      'next_closer',
    );
  });

  it('ignores the window when it is 0 (unset) or the peak is unknown', () => {
    const late = NOW + 3_600_000;
    expect(
      nextStep({ attempt: 1 }, 'no_answer', grant({ readinessWindowMs: 0 }), late).action,
    ).toBe('next_closer');
    expect(
      nextStep({ attempt: 1 }, 'no_answer', grant({ readinessPeakAtMs: null }), late).action,
    ).toBe('next_closer');
  });

  it('returns to the AI with an honest message when exhausted and no rule says otherwise', () => {
    const rules = [rule(C.FALLBACK_CONDITION_NO_ANSWER, A.FALLBACK_ACTION_NEXT_CLOSER)];
    expect(nextStep({ attempt: 3 }, 'no_answer', grant({ fallbackRules: rules }), NOW)).toEqual({
      action: 'return_to_ai',
      reason: 'attempts_exhausted',
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_ATTEMPTS_EXHAUSTED,
      fallbackAction: A.FALLBACK_ACTION_RETURN_TO_AI,
      message:
        "None of our specialists could pick up right now, so I'll stay with you and we can keep going here.",
      ruleIndex: null,
    });
  });

  it('uses the first matching rule, not a later one for the same condition', () => {
    const rules = [
      rule(C.FALLBACK_CONDITION_VOICEMAIL, A.FALLBACK_ACTION_RETURN_TO_AI),
      rule(C.FALLBACK_CONDITION_VOICEMAIL, A.FALLBACK_ACTION_NEXT_CLOSER),
    ];
    expect(
      nextStep({ attempt: 1 }, 'voicemail_at_closer', grant({ fallbackRules: rules }), NOW),
    ).toMatchObject({
      action: 'return_to_ai',
      ruleIndex: 0,
    });
  });

  it('books an appointment only with the appointment.book scope (granted or as fallback)', () => {
    const rules = [
      rule(C.FALLBACK_CONDITION_NO_CLOSER_AVAILABLE, A.FALLBACK_ACTION_BOOK_APPOINTMENT),
    ];
    expect(
      nextStep({ attempt: 1 }, 'no_closer_available', grant({ fallbackRules: rules }), NOW),
    ).toMatchObject({
      action: 'book_appointment',
      message:
        "None of our specialists are free right now. Let's find a time that suits you for one of them to call.",
    });
    expect(
      nextStep(
        { attempt: 1 },
        'no_closer_available',
        grant({
          fallbackRules: rules,
          fallbackScopes: [],
          scopes: ['transfer.live', 'appointment.book'],
        }),
        NOW,
      ).action,
    ).toBe('book_appointment');
    const noScope = nextStep(
      { attempt: 1 },
      'no_closer_available',
      grant({ fallbackRules: rules, fallbackScopes: [] }),
      NOW,
    );
    expect(noScope).toMatchObject({
      action: 'return_to_ai',
      reason: 'no_closer_available',
      ruleIndex: 0,
    });
    expect(noScope.message).toBe(
      "None of our specialists are free right now, so I'll stay with you and we can keep going here.",
    );
  });

  it('never answers "next closer" when no closer is available: the ATTEMPTS_EXHAUSTED rule decides', () => {
    const rules = [
      rule(C.FALLBACK_CONDITION_NO_CLOSER_AVAILABLE, A.FALLBACK_ACTION_NEXT_CLOSER),
      rule(C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED, A.FALLBACK_ACTION_BOOK_APPOINTMENT),
    ];
    expect(
      nextStep({ attempt: 1 }, 'no_closer_available', grant({ fallbackRules: rules }), NOW),
    ).toMatchObject({
      action: 'book_appointment',
      reason: 'no_closer_available',
      ruleIndex: 1,
    });
  });

  it('treats NEXT_CLOSER on ATTEMPTS_EXHAUSTED as a return to the AI', () => {
    const rules = [rule(C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED, A.FALLBACK_ACTION_NEXT_CLOSER)];
    expect(
      nextStep({ attempt: 1 }, 'attempts_exhausted', grant({ fallbackRules: rules }), NOW),
    ).toMatchObject({
      action: 'return_to_ai',
      reason: 'attempts_exhausted',
      ruleIndex: 0,
    });
  });

  it('treats an UNSPECIFIED action as a return to the AI', () => {
    const rules = [rule(C.FALLBACK_CONDITION_RESERVATION_TIMEOUT, A.FALLBACK_ACTION_UNSPECIFIED)];
    expect(
      nextStep({ attempt: 1 }, 'reservation_timeout', grant({ fallbackRules: rules }), NOW).action,
    ).toBe('return_to_ai');
  });

  it('returns to the AI for a dead grant, whatever the rules say', () => {
    expect(nextStep({ attempt: 1 }, 'grant_expired', grant(), NOW)).toMatchObject({
      action: 'return_to_ai',
      reason: 'grant_expired',
      message:
        "Connecting you is taking longer than it should, so rather than keep you waiting I'll stay with you.",
    });
    expect(nextStep({ attempt: 1 }, 'grant_invalid', grant(), NOW).action).toBe('return_to_ai');
  });

  it('tells the buyer about a technical problem honestly', () => {
    expect(nextStep({ attempt: 1 }, 'telephony_error', grant(), NOW).message).toBe(
      "We hit a technical problem connecting you to a specialist, so I'll stay with you and we can keep going here.",
    );
  });

  it('refuses an unresolved max_attempts of 0 and a bad window', () => {
    expect(() => nextStep({ attempt: 1 }, 'no_answer', grant({ maxAttempts: 0 }), NOW)).toThrow(
      HandoffInputError,
    );
    expect(() =>
      nextStep({ attempt: 1 }, 'no_answer', grant({ readinessWindowMs: -1 }), NOW),
    ).toThrow(expect.objectContaining({ field: 'readinessWindowMs' }));
  });
});

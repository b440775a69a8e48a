// The shipped default policy. policies/default.policy.yaml is its commented, documented twin; a spec
// parses that file and asserts it equals this object, so the two cannot drift apart.
import { deepFreeze } from './deep-freeze.js';
import type { CampaignPolicy } from './policy-schema.js';

/** The policy used for every campaign when no other policy is configured. */
export const DEFAULT_POLICY: CampaignPolicy = deepFreeze({
  id: 'default',
  version: 1,
  description:
    'Warmline default - warm live transfer when fully qualified, an appointment when one cannot happen.',
  campaigns: ['*'],
  team: 'default',
  actions: {
    liveTransfer: {
      enabled: true,
      requiredMarkers: [
        'scope_confirmed',
        'timing_consent',
        'next_step_accepted',
        'escalation_permission',
      ],
      readinessThreshold: 0.7,
      maxAttempts: 2,
      grantTtlMs: 120_000,
      reservationTimeoutMs: 15_000,
      readinessWindowMs: 90_000,
      transferMode: 'warm',
      fallbackRules: [
        { when: 'closer_declined', then: 'next_closer' },
        { when: 'no_answer', then: 'next_closer' },
        { when: 'voicemail', then: 'next_closer' },
        { when: 'reservation_timeout', then: 'next_closer' },
        { when: 'no_closer_available', then: 'book_appointment' },
        { when: 'attempts_exhausted', then: 'book_appointment' },
        { when: 'telephony_error', then: 'return_to_ai' },
      ],
    },
    appointment: {
      enabled: true,
      requiredMarkers: ['scope_confirmed', 'timing_consent', 'next_step_accepted'],
      readinessThreshold: 0.5,
      requireConsentWindow: true,
      slotDurationMs: 1_800_000,
      grantTtlMs: 600_000,
    },
  },
  signalQuality: {
    minAsrConfidence: 0.7,
    maxAsrLatencyMs: 1_500,
    minAmdConfidence: 0.8,
    minAssertionConfidence: 0.75,
    maxPromptDriftScore: 0.5,
    maxFaultRatio: 0.35,
    minSignalsForFaultRatio: 6,
    holdOnFaults: [
      'asr_lag',
      'asr_low_confidence',
      'overlapping_speech',
      'interrupted_utterance',
      'token_limit',
      'prompt_drift',
      'sequence_gap',
    ],
  },
  controls: {
    escalationsPerMinute: 30,
    maxPendingTransfersPerAvailableCloser: 1,
    decisionTimeoutMs: 5_000,
    readinessHalfLifeMs: 120_000,
    escalationLimitPerInteraction: 2,
  },
});

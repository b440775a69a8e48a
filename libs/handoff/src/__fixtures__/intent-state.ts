// A hand-built intent state of a solar buyer, version 7: scope, timing and escalation validated,
// next step only exploratory, one revoked-then-absent marker, a resolved price objection and an
// open contract-length objection. T0 is Wednesday 2026-03-04 15:00 UTC.
import { toTimestamp, v1, type warmline } from '@warmline/contracts';

export const T0 = Date.UTC(2026, 2, 4, 15, 0);
const SECOND = 1000;

const at = (ms: number) => toTimestamp(ms);

function evidence(quote: string, ms: number, signalId: string): warmline.v1.IEvidence {
  return {
    signalId,
    source: v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
    quote,
    observedAt: at(ms),
    segmentId: `seg-${signalId}`,
    confidence: 0.93,
  };
}

export const SCOPE_QUOTES = [
  'We want solar panels for our house',
  "It's a three-bedroom, south-facing roof",
] as const;
export const TIMING_QUOTE = 'Tomorrow after 3 works for me';
export const ESCALATION_QUOTE = 'Sure, put me through to someone';
export const EXPLORATORY_QUOTE = 'Maybe we could do the survey';
export const REVOKED_QUOTE = 'Actually I am not sure about speaking to anyone';

export function intentState(
  overrides: Partial<warmline.v1.IIntentState> = {},
): warmline.v1.IIntentState {
  return {
    interactionId: 'call-42',
    version: 7,
    updatedAt: at(T0 - 5 * SECOND),
    campaignId: 'solar-q4',
    buyerLanguage: 'en-US',
    buyerTimeZone: 'America/New_York',
    territory: 'US-NY',
    markers: [
      // Listed out of kind order and with evidence out of time order, as a store might return them.
      {
        kind: v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
        status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
        confidence: 0.88,
        evidence: [evidence(ESCALATION_QUOTE, T0 - 20 * SECOND, 's9')],
        changedAt: at(T0 - 20 * SECOND),
      },
      {
        kind: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
        status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
        confidence: 0.95,
        evidence: [
          evidence(SCOPE_QUOTES[1], T0 - 170 * SECOND, 's2'),
          evidence(SCOPE_QUOTES[0], T0 - 180 * SECOND, 's1'),
          evidence(SCOPE_QUOTES[0], T0 - 175 * SECOND, 's1b'), // said again: one quote
        ],
        changedAt: at(T0 - 170 * SECOND),
      },
      {
        kind: v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
        status: v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
        confidence: 0.4,
        evidence: [evidence(EXPLORATORY_QUOTE, T0 - 60 * SECOND, 's6')],
        changedAt: at(T0 - 60 * SECOND),
      },
      {
        kind: v1.MarkerKind.MARKER_KIND_TIMING_CONSENT,
        status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
        confidence: 0.9,
        evidence: [evidence(TIMING_QUOTE, T0 - 90 * SECOND, 's5')],
        changedAt: at(T0 - 90 * SECOND),
      },
    ],
    objections: [
      {
        objectionId: 'obj-2',
        topic: 'contract_length',
        status: v1.ObjectionStatus.OBJECTION_STATUS_RAISED,
        raisedEvidence: evidence(
          "I don't want to be locked in for 25 years",
          T0 - 40 * SECOND,
          's8',
        ),
        raisedAt: at(T0 - 40 * SECOND),
      },
      {
        objectionId: 'obj-1',
        topic: 'price',
        status: v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED,
        raisedEvidence: evidence('That sounds expensive', T0 - 150 * SECOND, 's3'),
        resolutionEvidence: evidence('OK, with financing that works', T0 - 120 * SECOND, 's4'),
        resolution: 'Zero-down financing at 80 dollars a month accepted',
        raisedAt: at(T0 - 150 * SECOND),
        resolvedAt: at(T0 - 120 * SECOND),
      },
    ],
    readiness: {
      score: 0.78,
      peakScore: 0.86,
      peakAt: at(T0 - 45 * SECOND),
      components: { scope: 0.9, acceptance: 0.7, cadence: 0.8, resistance: 0.2 },
      decayedAt: at(T0 - 5 * SECOND),
    },
    consentWindow: {
      startAt: at(Date.UTC(2026, 2, 5, 20, 0)),
      endAt: at(Date.UTC(2026, 2, 5, 22, 0)),
      timeZone: 'America/New_York',
      sourceText: 'tomorrow after 3',
    },
    lastValidatingEvidenceAt: at(T0 - 20 * SECOND),
    ...overrides,
  };
}

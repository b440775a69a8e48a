// Populated intent, authority and brief messages shared by the envelope fixtures.
import { warmline } from '../generated/warmline.js';
import { toTimestamp } from '../time.js';

const v1 = warmline.v1;
export const T0 = Date.UTC(2026, 10, 24, 15, 0, 0, 250);

/** ms after T0 as a Timestamp. */
export const at = (offsetMs: number) => toTimestamp(T0 + offsetMs);

export const consentWindow: warmline.v1.IConsentWindow = {
  startAt: at(86_400_000),
  endAt: at(86_400_000 + 7_200_000),
  timeZone: 'America/Chicago',
  sourceText: 'tomorrow after nine works',
};

export const transcriptEvidence: warmline.v1.IEvidence = {
  signalId: 'sig-0007',
  source: v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
  quote: 'yes, the whole roof, that is what I need',
  observedAt: at(61_000),
  segmentId: 'seg-12',
  confidence: 0.93,
};

export const assertionEvidence: warmline.v1.IEvidence = {
  signalId: 'sig-0009',
  source: v1.EvidenceSource.EVIDENCE_SOURCE_ASSERTION,
  quote: 'ok, the 12 month term is fine',
  observedAt: at(95_000),
  segmentId: 'seg-15',
  confidence: 0.81,
};

export const intentState: warmline.v1.IIntentState = {
  interactionId: 'call-1',
  version: 7,
  updatedAt: at(96_000),
  campaignId: 'solar-q4',
  markers: [
    {
      kind: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
      status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
      confidence: 0.93,
      evidence: [transcriptEvidence],
      changedAt: at(61_000),
    },
    {
      kind: v1.MarkerKind.MARKER_KIND_TIMING_CONSENT,
      status: v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
      confidence: 0.4,
      evidence: [],
      changedAt: at(70_000),
    },
  ],
  objections: [
    {
      objectionId: 'obj-1',
      topic: 'contract_length',
      status: v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED,
      raisedEvidence: transcriptEvidence,
      resolutionEvidence: assertionEvidence,
      resolution: '12-month term with exit clause accepted',
      raisedAt: at(80_000),
      resolvedAt: at(95_000),
    },
  ],
  readiness: {
    score: 0.74,
    peakScore: 0.81,
    peakAt: at(95_500),
    components: { scope: 0.9, acceptance: 0.7, cadence: 0.65, resistance: 0.15 },
    decayedAt: at(96_000),
  },
  consentWindow,
  lastValidatingEvidenceAt: at(95_000),
  buyerLanguage: 'en-US',
  buyerTimeZone: 'America/Chicago',
  territory: 'US-TX',
  callHealth: {
    answeringMachine: true,
    amdUncertain: true,
    amdConfidence: 0.62,
    recentFaults: [v1.SignalFault.SIGNAL_FAULT_ASR_LAG],
    callEnded: true,
    callEndedAt: at(190_000),
    signalCount: 41,
    faultedSignalCount: 3,
  },
};

export const grant: warmline.v1.IAuthorityGrant = {
  claims: Uint8Array.from([10, 5, 103, 45, 48, 48, 49]),
  signature: new Uint8Array(64).fill(7),
  keyId: 'UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4',
};

export const grantClaims: warmline.v1.IGrantClaims = {
  grantId: 'g-001',
  interactionId: 'call-1',
  intentVersion: 7,
  scopes: ['transfer.live'],
  issuedAt: at(96_100),
  expiresAt: at(156_100),
  issuer: 'agent:escalation-governor',
  policyId: 'solar-default',
  policyVersion: 3,
  constraints: {
    maxAttempts: 2,
    escalationLimit: 1,
    reservationTimeoutMs: 15_000,
    readinessWindowMs: 120_000,
  },
  fallbackRules: [
    {
      condition: v1.FallbackCondition.FALLBACK_CONDITION_CLOSER_DECLINED,
      action: v1.FallbackAction.FALLBACK_ACTION_NEXT_CLOSER,
    },
    {
      condition: v1.FallbackCondition.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
      action: v1.FallbackAction.FALLBACK_ACTION_BOOK_APPOINTMENT,
    },
  ],
  fallbackScopes: ['appointment.book'],
  transferMode: v1.TransferMode.TRANSFER_MODE_WARM,
  consentWindow,
  campaignId: 'solar-q4',
  decisionId: 'dec-001',
};

const briefObjection: warmline.v1.IBriefObjection = {
  topic: 'contract_length',
  raisedQuote: 'I do not want to be locked in for years',
  resolution: '12-month term with exit clause accepted',
  resolutionQuote: 'ok, the 12 month term is fine',
};

export const brief: warmline.v1.IHandoffBrief = {
  validatedMarkers: [
    {
      kind: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
      quotes: ['yes, the whole roof, that is what I need'],
      confidence: 0.93,
      validatedAt: at(61_000),
    },
  ],
  resolvedObjections: [briefObjection],
  consentWindow,
  doNotAsk: ['roof size', 'contract length'],
  readinessScore: 0.74,
  peakAgeMs: 1_500,
  intentVersion: 7,
  peakScore: 0.81,
  buyerLanguage: 'en-US',
  campaignId: 'solar-q4',
  text: 'Buyer confirmed a full-roof install; accepted a 12-month term.',
  openObjections: [{ topic: 'price', raisedQuote: 'it still sounds expensive' }],
};

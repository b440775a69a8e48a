import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { interactionStory, renderStory } from './story.js';
import type { StoryRecord } from './story-entry.js';

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const IID = 'call-7';

const validated = (kind: warmline.v1.MarkerKind, quote: string): warmline.v1.IIntentMarker => ({
  kind,
  status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
  evidence: [{ signalId: `sig-${kind}`, quote, confidence: 0.94 }],
});

const versions: warmline.v1.IIntentState[] = [
  { interactionId: IID, version: 1, updatedAt: toTimestamp(T0), readiness: { score: 0.1 } },
  {
    interactionId: IID,
    version: 2,
    updatedAt: toTimestamp(T0 + 4_000),
    readiness: { score: 0.82 },
    markers: [
      validated(v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED, 'the whole roof'),
      validated(v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION, 'yes, connect me'),
    ],
  },
];

const record = (
  recordId: string,
  kind: string,
  at: number,
  payload: Uint8Array,
  summary?: Record<string, string | number>,
): StoryRecord => ({ recordId, kind, at, payload, ...(summary ? { summary } : {}) });

const claims = v1.GrantClaims.encode({
  grantId: 'g-1',
  interactionId: IID,
  intentVersion: 2,
  scopes: ['transfer.live'],
  fallbackScopes: ['appointment.book'],
  issuer: 'agent:escalation-governor',
  expiresAt: toTimestamp(T0 + 124_000),
}).finish();
const grantBytes = v1.AuthorityGrant.encode({
  claims,
  signature: new Uint8Array(64),
  keyId: 'AABBCCDDEEFF',
}).finish();

const records: StoryRecord[] = [
  record(
    'evidence-sig-1',
    'evidence',
    T0 + 4_000,
    v1.Signal.encode({
      signalId: 'sig-1',
      perception: { transcriptSegment: { text: 'Yes, the whole roof' } },
      quality: { score: 0.94 },
    }).finish(),
    { markers: 'scope_confirmed', intentVersion: 2 },
  ),
  record(
    'decision-d1',
    'decision',
    T0 + 4_100,
    v1.EscalationDecision.encode({
      decisionId: 'd1',
      intentVersion: 2,
      outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
      policyId: 'default',
      policyVersion: 1,
      readinessScore: 0.82,
      reasons: [
        {
          code: v1.DecisionReasonCode.DECISION_REASON_CODE_POLICY_SATISFIED,
          detail: 'all validated',
        },
      ],
    }).finish(),
  ),
  record('grant-g-1-issued', 'grant', T0 + 4_100, grantBytes, { event: 'issued' }),
  record('grant-g-1-used', 'grant', T0 + 4_200, grantBytes, { event: 'used' }),
  record(
    'handoff-1',
    'handoff',
    T0 + 9_000,
    v1.HandoffEvent.encode({
      state: v1.HandoffState.HANDOFF_STATE_DECLINED,
      attempt: 1,
      mode: v1.TransferMode.TRANSFER_MODE_WARM,
      closerId: 'c-2',
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_CLOSER_DECLINED,
    }).finish(),
  ),
  record(
    'appointment-1',
    'appointment',
    T0 + 12_000,
    v1.AppointmentEvent.encode({
      booked: {
        appointmentId: 'appt-g-1',
        closerId: 'c-3',
        startAt: toTimestamp(T0 + 86_400_000),
        timeZone: 'America/Chicago',
      },
    }).finish(),
  ),
  record('broken', 'handoff', T0 + 13_000, new Uint8Array([0xff, 0xff, 0xff])),
];

describe('interactionStory', () => {
  it('tells every step in time order, cause before effect at the same instant', () => {
    const story = interactionStory(versions, [...records].reverse());
    expect(story.map((e) => e.kind)).toEqual([
      'intent',
      'evidence',
      'intent',
      'decision',
      'grant',
      'grant',
      'handoff',
      'appointment',
      'handoff',
    ]);
    expect(story[2]).toMatchObject({
      title:
        'intent v2: scope_confirmed validated, escalation_permission validated (readiness 0.82)',
      details: [
        'scope_confirmed: "the whole roof" (sig-1)',
        'escalation_permission: "yes, connect me" (sig-4)',
      ],
    });
    expect(story[3]!.title).toBe(
      'decision AUTHORIZE_LIVE_TRANSFER on intent v2 (policy default v1, readiness 0.82)',
    );
    expect(story[4]!.title).toBe('grant g-1 issued');
    expect(story[4]!.details[0]).toBe('scopes transfer.live; fallback appointment.book');
    expect(story[5]!.title).toBe('grant g-1 used');
    expect(story[6]!.title).toBe(
      'transfer DECLINED (attempt 1, warm) closer c-2 — closer_declined',
    );
    expect(story[7]!.title).toContain('appointment appt-g-1 booked with c-3');
  });

  it('keeps a record it cannot decode in the story, saying so', () => {
    const last = interactionStory([], records).at(-1)!;
    expect(last.title).toBe('handoff record broken could not be decoded');
  });
});

describe('renderStory', () => {
  it('renders one line per step with UTC times and indented facts', () => {
    const text = renderStory(IID, interactionStory(versions, records));
    expect(text.split('\n')[0]).toBe('Interaction call-7 — 9 steps');
    expect(text).toContain('2026-11-24 15:00:04.100  decision    decision AUTHORIZE_LIVE_TRANSFER');
    expect(text).toContain(
      '                                     POLICY_SATISFIED: all validated'.replace(
        'POLICY_SATISFIED',
        'policy_satisfied',
      ),
    );
  });
});

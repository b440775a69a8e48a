// A router without a bus: the pure steps run one after another on an in-memory record, the way the
// checkpointed runtime runs them, and every effect they commit is kept for the test to read.
import type { Effect } from '@warmline/agent-runtime';
import {
  GrantSigner,
  GrantVerifier,
  generateSigningKey,
  signingKeyFromSeed,
  type GrantClaimsInput,
} from '@warmline/authority';
import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { commandVerbOf } from '@warmline/handoff';
import {
  applyPresence,
  emptyLedger,
  emptyRoster,
  findReservation,
  reserve,
  type Reservation,
} from '@warmline/roster';
import type { InteractionRecord } from '../interaction-record.js';
import { readRouterSettings, type RouterSettings } from '../router-settings.js';
import type { RecordOutcome, StepContext } from '../step-draft.js';
import { BusTelephony } from '../telephony-port.js';

export const T0 = Date.UTC(2026, 2, 4, 15, 0);
export const IID = 'call-7';

const C = v1.FallbackCondition;
const A = v1.FallbackAction;

export const KEY = generateSigningKey();
export const SETTINGS: RouterSettings = readRouterSettings({
  WARMLINE_GRANT_TRUSTED_KEYS: KEY.publicKey,
  WARMLINE_DIAL_TIMEOUT_MS: '20000',
});
export const VERIFIER = new GrantVerifier({ trustedIssuerKeys: [KEY.publicKey] });
const SIGNER = new GrantSigner({ signingKey: signingKeyFromSeed(KEY.seed) });

/** Next closer on no answer, decline, voicemail, timeout; an appointment when none is left. */
export const FALLBACK_RULES = [
  { condition: C.FALLBACK_CONDITION_CLOSER_DECLINED, action: A.FALLBACK_ACTION_NEXT_CLOSER },
  { condition: C.FALLBACK_CONDITION_NO_ANSWER, action: A.FALLBACK_ACTION_NEXT_CLOSER },
  { condition: C.FALLBACK_CONDITION_VOICEMAIL, action: A.FALLBACK_ACTION_NEXT_CLOSER },
  { condition: C.FALLBACK_CONDITION_RESERVATION_TIMEOUT, action: A.FALLBACK_ACTION_NEXT_CLOSER },
  {
    condition: C.FALLBACK_CONDITION_ATTEMPTS_EXHAUSTED,
    action: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
  },
  {
    condition: C.FALLBACK_CONDITION_NO_CLOSER_AVAILABLE,
    action: A.FALLBACK_ACTION_BOOK_APPOINTMENT,
  },
];

/** A live-transfer grant for IID at version 5, issued at T0. */
export function issueGrant(
  overrides: Partial<GrantClaimsInput> = {},
  now = T0,
): warmline.v1.AuthorityGrant {
  return SIGNER.issue(
    {
      interactionId: IID,
      intentVersion: 5,
      scopes: ['transfer.live'],
      fallbackScopes: ['appointment.book'],
      policyId: 'solar',
      policyVersion: 1,
      decisionId: 'dec-1',
      campaignId: 'solar-q4',
      constraints: { maxAttempts: 2, reservationTimeoutMs: 15_000 },
      fallbackRules: FALLBACK_RULES,
      ttlMs: 600_000,
      ...overrides,
    },
    now,
  );
}

/** The decision envelope carrying `grant`. */
export function decision(
  grant: warmline.v1.IAuthorityGrant | null,
  eventId = 'dec-ev-1',
  intentVersion = 5,
): warmline.v1.IEnvelope {
  return {
    eventId,
    interactionId: IID,
    intentVersion,
    escalationDecision: {
      decisionId: 'dec-1',
      interactionId: IID,
      intentVersion,
      outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER,
      grant,
    },
    authority: grant === null ? null : { grant },
  };
}

/** Intent state with two validated markers (with the buyer's words), one exploratory. */
export function intentState(): warmline.v1.IIntentState {
  const evidence = (quote: string, ms: number) => ({
    signalId: `s-${ms}`,
    source: v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
    quote,
    observedAt: toTimestamp(ms),
  });
  return {
    interactionId: IID,
    version: 5,
    campaignId: 'solar-q4',
    buyerLanguage: 'en-US',
    territory: 'US-NY',
    markers: [
      {
        kind: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
        status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
        confidence: 0.93,
        evidence: [evidence('We want panels on the south roof', T0 - 90_000)],
        changedAt: toTimestamp(T0 - 90_000),
      },
      {
        kind: v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
        status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
        confidence: 0.9,
        evidence: [evidence('Sure, put me through', T0 - 10_000)],
        changedAt: toTimestamp(T0 - 10_000),
      },
      {
        kind: v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
        status: v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
        confidence: 0.4,
        evidence: [evidence('Maybe a survey', T0 - 30_000)],
        changedAt: toTimestamp(T0 - 30_000),
      },
    ],
    readiness: { score: 0.8, peakScore: 0.85, peakAt: toTimestamp(T0 - 20_000) },
  };
}

/** A closer presence report: available, all week, capacity 1. */
export function presence(closerId: string): warmline.v1.ICloserPresence {
  return {
    closerId,
    presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
    languages: ['en'],
    timeZone: 'UTC',
    capacity: 1,
    workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      startMinute: 0,
      endMinute: 1440,
    })),
    reportedAt: toTimestamp(T0 - 60_000),
    address: `sip:${closerId}@desk`,
  };
}

/** The steps of one interaction, run on an in-memory record. */
export class Bench {
  record: InteractionRecord | null = null;
  readonly effects: Effect[] = [];
  now = T0;

  ctx(causationId = 'ev'): StepContext {
    return { nowMs: this.now, causationId, telephony: new BusTelephony() };
  }

  /** Runs a step; commits its outcome like the runtime; returns its result (null: no change). */
  run<R>(step: (current: InteractionRecord | null) => RecordOutcome<R> | null): R | null {
    const outcome = step(this.record);
    if (outcome === null) return null;
    this.record = outcome.state;
    this.effects.push(...outcome.effects);
    return outcome.result;
  }

  /** Published envelopes, in order. */
  published(): warmline.v1.IEnvelope[] {
    return this.effects.flatMap((e) => (e.kind === 'publish' ? [e.envelope] : []));
  }

  /** The HandoffEvent states published, as names without the prefix. */
  states(): string[] {
    return this.published().flatMap((e) =>
      e.handoffEvent ? [stateName(e.handoffEvent.state)] : [],
    );
  }

  /** ReservationEvent states published, as names. */
  reservationStates(): string[] {
    return this.published().flatMap((e) =>
      e.reservationEvent
        ? [v1.ReservationState[e.reservationEvent.state ?? 0]!.replace('RESERVATION_STATE_', '')]
        : [],
    );
  }

  /** Telephony commands published, as `<verb>@<attempt>`. */
  commands(): string[] {
    return this.published().flatMap((e) => {
      const command = e.telephonyCommand;
      if (!command) return [];
      return [`${commandVerbOf(command)}@${command.idempotencyKey?.split(':')[1]}`];
    });
  }

  /** The last published HandoffEvent. */
  lastEvent(): warmline.v1.IHandoffEvent {
    const events = this.published().flatMap((e) => (e.handoffEvent ? [e.handoffEvent] : []));
    return events.at(-1)!;
  }
}

/** A seat for the current attempt of the bench's transfer, as the ledger would hold it. */
export function seatFor(bench: Bench, closerId: string, timeoutMs = 15_000): Reservation {
  const handoff = bench.record!.transfer!.handoff;
  const id = `${handoff.id}-r${handoff.attempt}`;
  const roster = applyPresence(emptyRoster(), presence(closerId));
  const ledger = reserve(
    emptyLedger(),
    closerId,
    { id, handoffId: handoff.id, attempt: handoff.attempt, expiresAtMs: bench.now + timeoutMs },
    roster,
    bench.now,
  );
  return findReservation(ledger, id)!;
}

export function stateName(state: warmline.v1.HandoffState | null | undefined): string {
  return v1.HandoffState[state ?? 0]!.replace('HANDOFF_STATE_', '');
}

/** A CallProgress report about the bench's transfer. */
export function progress(
  bench: Bench,
  state: warmline.v1.CallProgressState,
  legId = 'leg-1',
): warmline.v1.ICallProgress {
  const handoff = bench.record!.transfer!.handoff;
  return { handoffId: handoff.id, legId, closerId: handoff.current?.closerId ?? '', state };
}

// Everything the agents published, stream by stream, as it arrives (one StreamTap per stream), read
// per interaction in the product's terms: perceived events, signals, intent versions, decisions,
// transfer states, telephony commands and bookings; and waits for the moments a scenario turns on.
import type { JetStreamManager } from '@nats-io/jetstream';
import { v1, type warmline } from '@warmline/contracts';
import { eventually, sleep } from '@warmline/testing';
import { StreamTap } from './stage.js';

const STREAMS = {
  perception: 'WL_PERCEPTION',
  signal: 'WL_SIGNAL',
  intent: 'WL_INTENT',
  decision: 'WL_DECISION',
  handoff: 'WL_HANDOFF',
  telephony: 'WL_TELEPHONY',
  reservation: 'WL_RESERVATION',
  appointment: 'WL_APPOINTMENT',
} as const;

type Taps = Readonly<Record<keyof typeof STREAMS, StreamTap>>;
type Envelope = warmline.v1.Envelope;

const O = v1.EscalationOutcome;
const Code = v1.DecisionReasonCode;

export class BusRecord {
  private constructor(readonly taps: Taps) {}

  /** Taps every stream from its first message. */
  static async open(jsm: JetStreamManager): Promise<BusRecord> {
    const opened = await Promise.all(
      Object.entries(STREAMS).map(async ([name, stream]) => {
        return [name, await StreamTap.open(jsm, stream)] as const;
      }),
    );
    return new BusRecord(Object.fromEntries(opened) as Taps);
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.taps).map((tap) => tap.stop()));
  }

  /** The perception events on WL_PERCEPTION, in stream order. */
  perceived(iid: string): Envelope[] {
    return this.taps.perception.of(iid);
  }

  /** The case of each perceived event ("callStarted", "hangUp"…), in stream order. */
  perceivedCases(iid: string): string[] {
    // Decoded from the stream, so each perceptionEvent is a message instance naming its oneof case.
    return this.perceived(iid).map(
      (e) => (e.perceptionEvent as warmline.v1.PerceptionEvent | null)?.event ?? 'none',
    );
  }

  signals(iid: string): Envelope[] {
    return this.taps.signal.of(iid);
  }

  /** Every intent version qualification published, oldest first. */
  intents(iid: string): warmline.v1.IIntentState[] {
    return this.taps.intent
      .of(iid)
      .flatMap((e) => (e.intentStateChanged?.state ? [e.intentStateChanged.state] : []));
  }

  intentAt(iid: string, version: number): warmline.v1.IIntentState | undefined {
    return this.intents(iid).find((state) => state.version === version);
  }

  /** The governor's EscalationDecisions (not its revocations), in stream order. */
  decisions(iid: string): Envelope[] {
    return this.taps.decision.of(iid).filter((e) => e.escalationDecision);
  }

  /** Everything on WL_DECISION that carries a grant. */
  grants(iid: string): Envelope[] {
    return this.taps.decision.of(iid).filter((e) => e.authority?.grant);
  }

  revocations(iid: string): Envelope[] {
    return this.taps.decision.of(iid).filter((e) => e.grantRevoked);
  }

  handoffEvents(iid: string): warmline.v1.IHandoffEvent[] {
    return this.taps.handoff.of(iid).flatMap((e) => (e.handoffEvent ? [e.handoffEvent] : []));
  }

  /** Transfer states without their prefix: "REQUESTED", "BRIDGED"… */
  handoffStates(iid: string): string[] {
    return this.handoffEvents(iid).map((e) => stateName(v1.HandoffState, e.state));
  }

  /** Reservation states without their prefix: "PENDING", "ACCEPTED"… */
  reservationStates(iid: string): string[] {
    return this.taps.handoff
      .of(iid)
      .flatMap((e) => (e.reservationEvent ? [e.reservationEvent] : []))
      .map((e) => stateName(v1.ReservationState, e.state));
  }

  /** The desks' answers to reservations as they reached WL_RESERVATION. */
  reservationResponses(iid: string): Envelope[] {
    return this.taps.reservation.of(iid).filter((e) => e.reservationResponse);
  }

  commands(iid: string): warmline.v1.ITelephonyCommand[] {
    return this.taps.telephony
      .of(iid)
      .flatMap((e) => (e.telephonyCommand ? [e.telephonyCommand] : []));
  }

  /** Each telephony command as `<verb>@<attempt>` ("dial@1"), from its idempotency key. */
  verbs(iid: string): string[] {
    return this.commands(iid).map((c) => {
      const [, attempt, verb] = (c.idempotencyKey ?? '').split(':');
      return `${verb}@${attempt}`;
    });
  }

  bookings(iid: string): warmline.v1.IAppointmentBooked[] {
    return this.taps.appointment
      .of(iid)
      .flatMap((e) => (e.appointmentEvent?.booked ? [e.appointmentEvent.booked] : []));
  }

  /** The first decision of `iid` with `outcome`, once it is on WL_DECISION. */
  untilDecision(
    iid: string,
    outcome: warmline.v1.EscalationOutcome,
    timeoutMs = 30_000,
  ): Promise<Envelope> {
    return this.firstDecision(iid, (e) => e.escalationDecision?.outcome === outcome, timeoutMs);
  }

  /** The governor's DENY that closes `iid` (reason INTERACTION_CLOSED), once it is on WL_DECISION. */
  untilClosed(iid: string, timeoutMs = 30_000): Promise<Envelope> {
    const closing = (e: Envelope) =>
      e.escalationDecision?.outcome === O.ESCALATION_OUTCOME_DENY &&
      reasonsOf(e).includes('DECISION_REASON_CODE_INTERACTION_CLOSED');
    return this.firstDecision(iid, closing, timeoutMs);
  }

  /** The transfer's events once one of them reached `state`. */
  untilHandoff(
    iid: string,
    state: warmline.v1.HandoffState,
    timeoutMs = 30_000,
  ): Promise<warmline.v1.IHandoffEvent[]> {
    return eventually(
      () => this.handoffEvents(iid),
      (events) => events.some((e) => e.state === state),
      timeoutMs,
    );
  }

  /**
   * Waits until perception signalled `eventCount` events of `iid`, qualification had time for the
   * last of them, and the governor decided on the newest intent version.
   */
  async settled(iid: string, eventCount: number, timeoutMs = 20_000): Promise<void> {
    await eventually(
      () => this.signals(iid).length,
      (n) => n >= eventCount,
      timeoutMs,
    );
    await sleep(700);
    await eventually(
      () => ({
        newest: this.intents(iid).at(-1)?.version ?? 0,
        decided: this.decisions(iid).map((e) => e.intentVersion),
      }),
      ({ newest, decided }) => newest > 0 && decided.includes(newest),
      timeoutMs,
    );
  }

  private async firstDecision(
    iid: string,
    matches: (e: Envelope) => boolean,
    timeoutMs: number,
  ): Promise<Envelope> {
    const found = await eventually(
      () => this.decisions(iid).find(matches),
      (e) => e !== undefined,
      timeoutMs,
    );
    if (found === undefined) throw new Error(`no matching decision for ${iid}`);
    return found;
  }
}

/** A decision's outcome by name ("ESCALATION_OUTCOME_HOLD"). */
export function outcomeOf(envelope: Envelope): string {
  return O[envelope.escalationDecision?.outcome ?? 0] ?? 'UNKNOWN';
}

/** A decision's reason codes by name ("DECISION_REASON_CODE_VOICEMAIL"). */
export function reasonsOf(envelope: Envelope): string[] {
  return (envelope.escalationDecision?.reasons ?? []).map((r) => Code[r.code ?? 0] ?? 'UNKNOWN');
}

function stateName(names: Record<number, string>, state: number | null | undefined): string {
  return (names[state ?? 0] ?? 'UNKNOWN').replace(/^[A-Z]+_STATE_/, '');
}

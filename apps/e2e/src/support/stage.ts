// The world around the router, played by a test: the closers' desks (ReservationResponse on
// `reservation`, or through a DeskAnswer such as the gateway's HTTP API) and the telephony adapter
// (reads TelephonyCommands, answers with CallProgress), publishing as the gateway's NATS user,
// driven from the streams as they fill.
import type { JetStreamManager } from '@nats-io/jetstream';
import { context, type Context } from '@opentelemetry/api';
import { extractTraceContext, type EventBus } from '@warmline/bus';
import { decodeEnvelope, v1, type warmline } from '@warmline/contracts';

const P = v1.CallProgressState;
const H = v1.HandoffState;

/** Every envelope of one stream, in stream order, as it arrives (an ordered consumer as admin). */
export class StreamTap {
  readonly envelopes: warmline.v1.Envelope[] = [];
  /** The trace context each envelope was published in (its traceparent header), by event id. */
  readonly contexts = new Map<string, Context>();
  private constructor(private readonly stopConsuming: () => Promise<void>) {}

  static async open(jsm: JetStreamManager, stream: string): Promise<StreamTap> {
    const consumer = await jsm.jetstream().consumers.get(stream);
    const messages = await consumer.consume();
    const tap: StreamTap = new StreamTap(async () => {
      await messages.close();
      await loop;
    });
    const loop = (async () => {
      for await (const m of messages) {
        const envelope = decodeEnvelope(m.data);
        tap.contexts.set(envelope.eventId, extractTraceContext(m.headers));
        tap.envelopes.push(envelope);
      }
    })();
    return tap;
  }

  /** Runs `fn` in the trace of `envelope`, so what it publishes continues that trace (as a real desk or telephony adapter does). */
  within<T>(envelope: warmline.v1.Envelope, fn: () => Promise<T>): Promise<T> {
    return context.with(this.contexts.get(envelope.eventId) ?? context.active(), fn);
  }

  of(interactionId: string): warmline.v1.Envelope[] {
    return this.envelopes.filter((e) => e.interactionId === interactionId);
  }

  stop(): Promise<void> {
    return this.stopConsuming();
  }
}

/** How a closer's desk answers a PENDING reservation, and how their phone answers a dial. */
export interface CloserScript {
  readonly desk: 'accept' | 'reject' | 'ignore';
  readonly phone: 'answer' | 'decline' | 'no_answer' | 'voicemail' | 'ring';
}

export const WILLING: CloserScript = { desk: 'accept', phone: 'answer' };

/** How a desk's answer to a reservation reaches the router (as a closer desk would send it). */
export type DeskAnswer = (
  interactionId: string,
  response: warmline.v1.IReservationResponse,
) => Promise<void>;

export interface StageOptions {
  /** The desks' channel; by default the ReservationResponse is published on `reservation` as the gateway. */
  readonly desk?: DeskAnswer;
}

/**
 * The closers' desks and the telephony adapter, played from the streams: every PENDING reservation
 * and every command of an interaction on stage is answered by its closer's script.
 */
export class Stage {
  private readonly scripts = new Map<string, Record<string, CloserScript>>();
  private readonly hangUpAfterBridge = new Set<string>();
  private readonly rejectFirstAttempt = new Set<string>();
  /** For each bridge command seen: was the brief already published to the closer? */
  readonly bridges: { interactionId: string; briefedBefore: boolean }[] = [];
  private handoffSeen = 0;
  private telephonySeen = 0;
  private readonly timer: NodeJS.Timeout;
  private busy = false;
  private readonly answerDesk: DeskAnswer;

  constructor(
    private readonly gateway: EventBus,
    private readonly handoffs: StreamTap,
    private readonly telephony: StreamTap,
    options: StageOptions = {},
  ) {
    this.answerDesk =
      options.desk ??
      (async (interactionId, reservationResponse) => {
        await gateway.publish('reservation', interactionId, { reservationResponse });
      });
    this.timer = setInterval(() => void this.pump(), 40);
  }

  /** Puts an interaction on stage: its closers' scripts (default: willing). */
  play(
    interactionId: string,
    scripts: Record<string, CloserScript> = {},
    options: { hangUpAfterBridge?: boolean; rejectFirstAttempt?: boolean } = {},
  ): void {
    this.scripts.set(interactionId, scripts);
    if (options.hangUpAfterBridge) this.hangUpAfterBridge.add(interactionId);
    if (options.rejectFirstAttempt) this.rejectFirstAttempt.add(interactionId);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private script(interactionId: string, closerId: string): CloserScript | null {
    const scripts = this.scripts.get(interactionId);
    return scripts ? (scripts[closerId] ?? WILLING) : null;
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const newHandoff = this.handoffs.envelopes.slice(this.handoffSeen);
      this.handoffSeen += newHandoff.length;
      const newCommands = this.telephony.envelopes.slice(this.telephonySeen);
      this.telephonySeen += newCommands.length;
      await Promise.all([
        ...newHandoff.map((e) => this.handoffs.within(e, () => this.desk(e))),
        ...groupByInteraction(newCommands).map((list) => this.phone(list)),
      ]);
    } finally {
      this.busy = false;
    }
  }

  private async desk(envelope: warmline.v1.Envelope): Promise<void> {
    const event = envelope.reservationEvent;
    if (event?.state !== v1.ReservationState.RESERVATION_STATE_PENDING) return;
    const script = this.script(envelope.interactionId, event.closerId ?? '');
    if (script === null || script.desk === 'ignore') return;
    const reject =
      script.desk === 'reject' ||
      (event.attempt === 1 && this.rejectFirstAttempt.has(envelope.interactionId));
    await this.answerDesk(envelope.interactionId, {
      reservationId: event.reservationId,
      closerId: event.closerId,
      accepted: !reject,
      reason: reject ? 'on another call' : '',
    });
  }

  // One interaction's commands in order: its reports must reach the router in order.
  private async phone(envelopes: warmline.v1.Envelope[]): Promise<void> {
    for (const envelope of envelopes) {
      const command = envelope.telephonyCommand;
      if (!command || !this.scripts.has(envelope.interactionId)) continue;
      for (const [state, closerId, legId] of this.reportsFor(envelope.interactionId, command)) {
        await this.telephony.within(envelope, () =>
          report(this.gateway, envelope.interactionId, command, state, legId, closerId),
        );
      }
    }
  }

  private reportsFor(
    interactionId: string,
    command: warmline.v1.ITelephonyCommand,
  ): [warmline.v1.CallProgressState, string, string][] {
    const leg = legOf(command);
    if (command.dialCloser) {
      const closerId = command.dialCloser.closerId ?? '';
      const outcome = this.script(interactionId, closerId)?.phone ?? 'answer';
      const after = {
        answer: P.CALL_PROGRESS_STATE_ANSWERED,
        decline: P.CALL_PROGRESS_STATE_DECLINED,
        no_answer: P.CALL_PROGRESS_STATE_NO_ANSWER,
        voicemail: P.CALL_PROGRESS_STATE_VOICEMAIL,
        ring: null,
      }[outcome];
      return [
        [P.CALL_PROGRESS_STATE_RINGING, closerId, leg],
        ...(after === null
          ? []
          : [[after, closerId, leg] as [warmline.v1.CallProgressState, string, string]]),
      ];
    }
    if (command.whisperBrief) {
      return [[P.CALL_PROGRESS_STATE_WHISPER_COMPLETED, command.whisperBrief.closerId ?? '', leg]];
    }
    if (command.bridge) {
      this.bridges.push({
        interactionId,
        briefedBefore: this.handoffs
          .of(interactionId)
          .some((e) => e.handoffEvent?.state === H.HANDOFF_STATE_BRIEFING && e.handoffEvent.brief),
      });
      return [
        [P.CALL_PROGRESS_STATE_BRIDGED, '', command.bridge.legId ?? ''],
        ...(this.hangUpAfterBridge.has(interactionId)
          ? [
              [P.CALL_PROGRESS_STATE_CALLER_HUNG_UP, '', ''] as [
                warmline.v1.CallProgressState,
                string,
                string,
              ],
            ]
          : []),
      ];
    }
    if (command.cancel) return [[P.CALL_PROGRESS_STATE_CANCELLED, '', command.cancel.legId ?? '']];
    if (command.hold) return [[P.CALL_PROGRESS_STATE_HELD, '', '']];
    return [[P.CALL_PROGRESS_STATE_RETURNED_TO_AGENT, '', '']];
  }
}

function groupByInteraction(envelopes: warmline.v1.Envelope[]): warmline.v1.Envelope[][] {
  const groups = new Map<string, warmline.v1.Envelope[]>();
  for (const e of envelopes)
    groups.set(e.interactionId, [...(groups.get(e.interactionId) ?? []), e]);
  return [...groups.values()];
}

/** The leg a command's attempt dials: one per handoff attempt, named by the adapter. */
export function legOf(command: warmline.v1.ITelephonyCommand): string {
  const [handoffId, attempt] = (command.idempotencyKey ?? '').split(':');
  return `leg-${handoffId}-${attempt}`;
}

/** Telephony's report on a command (as the gateway's adapter publishes it). */
export async function report(
  gateway: EventBus,
  interactionId: string,
  command: warmline.v1.ITelephonyCommand,
  state: warmline.v1.CallProgressState,
  legId: string,
  closerId = '',
): Promise<void> {
  await gateway.publish('callprogress', interactionId, {
    callProgress: {
      commandId: command.commandId,
      handoffId: command.handoffId,
      legId,
      closerId,
      state,
    },
  });
}

// What the stack did for one simulated call, as the observer saw it arrive: the governor's decisions
// and revocations, the router's handoff events, the telephony commands, the scheduler's answer, and
// grants the telephony adapter refused. Wall-clock arrival times; no I/O.
import { fromTimestamp, v1, type warmline } from '@warmline/contracts';
import { commandVerbOf, type TelephonyVerb } from '@warmline/handoff';

/** A decision outcome as CallFacts names it. */
export type DecisionName = 'hold' | 'deny' | 'authorize_live_transfer' | 'authorize_appointment';

/** One governor decision. */
export interface TrailDecision {
  readonly atMs: number;
  readonly outcome: DecisionName;
  /** DecisionReasonCode names without prefix, e.g. SIGNAL_DEGRADED. */
  readonly reasons: readonly string[];
}

/** One router HandoffEvent. */
export interface TrailHandoff {
  readonly atMs: number;
  readonly handoffId: string;
  readonly state: warmline.v1.HandoffState;
  /** HandoffFailureReason name without prefix; null when none. */
  readonly failureReason: string | null;
}

/** One telephony command received. */
export interface TrailCommand {
  readonly atMs: number;
  readonly verb: TelephonyVerb | null;
  readonly handoffId: string;
  /** What the command says beyond its verb, for the trace (the closer dialled, the brief's length). */
  readonly detail: string;
}

const H = v1.HandoffState;
const TERMINAL_HANDOFF_STATES: readonly warmline.v1.HandoffState[] = [
  H.HANDOFF_STATE_BRIDGED,
  H.HANDOFF_STATE_CALLER_ABANDONED,
  H.HANDOFF_STATE_FAILED,
  H.HANDOFF_STATE_FALLBACK_APPOINTMENT,
  H.HANDOFF_STATE_RETURNED_TO_AI,
];
const FORWARD_VERBS: readonly (TelephonyVerb | null)[] = ['hold', 'dial', 'whisper', 'bridge'];
const DECISIONS: Readonly<Record<number, DecisionName>> = {
  [v1.EscalationOutcome.ESCALATION_OUTCOME_HOLD]: 'hold',
  [v1.EscalationOutcome.ESCALATION_OUTCOME_DENY]: 'deny',
  [v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_LIVE_TRANSFER]: 'authorize_live_transfer',
  [v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT]: 'authorize_appointment',
};

/** The observations of one call, in arrival order. */
export class CallTrail {
  readonly decisions: TrailDecision[] = [];
  readonly revocations: { readonly atMs: number; readonly reason: string }[] = [];
  readonly handoffs: TrailHandoff[] = [];
  readonly commands: TrailCommand[] = [];
  readonly refusals: { readonly atMs: number; readonly code: string }[] = [];
  booked: { readonly atMs: number; readonly startAtMs: number; readonly endAtMs: number } | null =
    null;
  unavailable: { readonly atMs: number; readonly reason: string } | null = null;

  /** Records what `envelope` (decision, handoff or appointment family) says about the call. */
  observe(envelope: warmline.v1.IEnvelope, atMs: number): void {
    const decision = envelope.escalationDecision;
    if (decision) {
      const outcome = DECISIONS[decision.outcome ?? 0];
      if (outcome === undefined) return;
      const reasons = (decision.reasons ?? []).map((r) =>
        enumName(v1.DecisionReasonCode, r.code, 'DECISION_REASON_CODE_'),
      );
      this.decisions.push({ atMs, outcome, reasons });
    }
    const revoked = envelope.grantRevoked;
    if (revoked) {
      const reason = enumName(v1.GrantRevocationReason, revoked.reason, 'GRANT_REVOCATION_REASON_');
      this.revocations.push({ atMs, reason });
    }
    const handoff = envelope.handoffEvent;
    if (handoff) {
      const failure = handoff.failureReason ?? 0;
      this.handoffs.push({
        atMs,
        handoffId: handoff.handoffId ?? '',
        state: handoff.state ?? H.HANDOFF_STATE_UNSPECIFIED,
        failureReason:
          failure === 0
            ? null
            : enumName(v1.HandoffFailureReason, failure, 'HANDOFF_FAILURE_REASON_'),
      });
    }
    this.observeAppointment(envelope.appointmentEvent, atMs);
  }

  /** Records a telephony command as it reached the simulated telephony. */
  noteCommand(command: warmline.v1.ITelephonyCommand, atMs: number): void {
    this.commands.push({
      atMs,
      verb: commandVerbOf(command),
      handoffId: command.handoffId ?? '',
      detail: commandDetail(command),
    });
  }

  /** Records a command the telephony adapter refused for its grant (`code`: the refusal's). */
  noteRefusal(code: string, atMs: number): void {
    this.refusals.push({ atMs, code });
  }

  /** Whether the governor ever authorised anything for the call. */
  get authorised(): boolean {
    return this.decisions.some((d) => d.outcome.startsWith('authorize'));
  }

  /** Whether the governor ever authorised a live transfer. */
  get liveTransferAuthorised(): boolean {
    return this.decisions.some((d) => d.outcome === 'authorize_live_transfer');
  }

  /**
   * The governor's last decision that says more than "the interaction is closed" (those follow a
   * hang-up and would hide why the call was held); null when none.
   */
  lastDecision(): TrailDecision | null {
    const telling = this.decisions.filter(
      (d) => !(d.reasons.length > 0 && d.reasons.every((r) => r === 'INTERACTION_CLOSED')),
    );
    return telling.at(-1) ?? null;
  }

  /** When the first forward command (hold, dial, whisper, bridge) of a transfer arrived; null if none. */
  firstTransferCommandAtMs(): number | null {
    return this.commands.find((c) => FORWARD_VERBS.includes(c.verb))?.atMs ?? null;
  }

  /** The transfer under way: the last handoff seen whose latest state is not terminal; null if none. */
  activeHandoffId(): string | null {
    const latest = new Map<string, warmline.v1.HandoffState>();
    for (const event of this.handoffs) latest.set(event.handoffId, event.state);
    const active = [...latest].filter(([, state]) => !TERMINAL_HANDOFF_STATES.includes(state));
    return active.at(-1)?.[0] ?? null;
  }

  /** 1-based order in which `handoffId` first appeared (in events or commands); next ordinal if new. */
  handoffOrdinal(handoffId: string): number {
    const ids: string[] = [];
    for (const id of [
      ...this.handoffs.map((h) => h.handoffId),
      ...this.commands.map((c) => c.handoffId),
    ]) {
      if (id !== '' && !ids.includes(id)) ids.push(id);
    }
    const index = ids.indexOf(handoffId);
    return index === -1 ? ids.length + 1 : index + 1;
  }

  /** When a handoff first reached `state`; null if none did. */
  firstHandoffAtMs(state: warmline.v1.HandoffState): number | null {
    return this.handoffs.find((h) => h.state === state)?.atMs ?? null;
  }

  /** When the buyer was first handed back to the AI agent (handoff or command); null if never. */
  returnedToAiAtMs(): number | null {
    const times = [
      this.firstHandoffAtMs(H.HANDOFF_STATE_RETURNED_TO_AI),
      this.commands.find((c) => c.verb === 'return_to_agent')?.atMs ?? null,
    ].filter((t): t is number => t !== null);
    return times.length === 0 ? null : Math.min(...times);
  }

  /**
   * Everything observed, oldest first, as `{ atMs, what }` with `atMs` relative to `originMs` (the
   * call's start): a trace for reading what the stack did with one call.
   */
  trace(originMs: number): { readonly atMs: number; readonly what: string }[] {
    const entries: { atMs: number; what: string }[] = [
      ...this.decisions.map((d) => ({
        atMs: d.atMs,
        what: `decision ${d.outcome.toUpperCase()} ${d.reasons.join(' ')}`.trim(),
      })),
      ...this.revocations.map((r) => ({ atMs: r.atMs, what: `grant revoked ${r.reason}` })),
      ...this.handoffs.map((h) => ({
        atMs: h.atMs,
        what: `handoff ${h.handoffId} ${(v1.HandoffState[h.state] ?? '').replace('HANDOFF_STATE_', '')}${h.failureReason ? ` ${h.failureReason}` : ''}`,
      })),
      ...this.commands.map((c) => ({
        atMs: c.atMs,
        what: `telephony ${c.verb ?? '?'} ${c.handoffId}`,
      })),
      ...this.refusals.map((r) => ({ atMs: r.atMs, what: `telephony refused ${r.code}` })),
      ...(this.booked === null
        ? []
        : [
            {
              atMs: this.booked.atMs,
              what: `appointment booked ${new Date(this.booked.startAtMs).toISOString()}`,
            },
          ]),
      ...(this.unavailable === null
        ? []
        : [
            {
              atMs: this.unavailable.atMs,
              what: `appointment unavailable ${this.unavailable.reason}`,
            },
          ]),
    ];
    return entries
      .map((e) => ({ atMs: e.atMs - originMs, what: e.what }))
      .sort((a, b) => a.atMs - b.atMs);
  }

  private observeAppointment(
    event: warmline.v1.IAppointmentEvent | null | undefined,
    atMs: number,
  ): void {
    if (event?.booked && this.booked === null) {
      this.booked = {
        atMs,
        startAtMs: fromTimestamp(event.booked.startAt ?? {}),
        endAtMs: fromTimestamp(event.booked.endAt ?? {}),
      };
    }
    if (event?.unavailable && this.unavailable === null) {
      const reason = enumName(
        v1.AppointmentUnavailableReason,
        event.unavailable.reason,
        'APPOINTMENT_UNAVAILABLE_REASON_',
      );
      this.unavailable = { atMs, reason };
    }
  }
}

function commandDetail(command: warmline.v1.ITelephonyCommand): string {
  if (command.dialCloser) return `${command.dialCloser.closerId ?? ''}`;
  if (command.whisperBrief) {
    const words = (command.whisperBrief.text ?? '').split(/\s+/).filter((w) => w !== '').length;
    return `(${words} words)`;
  }
  if (command.cancel) return command.cancel.reason ?? '';
  return '';
}

/** An enum value's name without its prefix (`HANDOFF_FAILURE_REASON_NO_ANSWER` → `NO_ANSWER`). */
function enumName(
  values: Readonly<Record<number, string>>,
  value: number | null | undefined,
  prefix: string,
): string {
  const name = values[value ?? 0] ?? `UNKNOWN_${value ?? 0}`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

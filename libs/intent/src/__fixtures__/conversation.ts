// Test data: the signals of a scripted conversation, as perception would emit them, with the
// envelope facts qualification needs. Shared with apps/qualification's tests
// (import from "@warmline/intent/testing").
//
//   conversation([
//     { agent: 'Would you like me to connect you to a specialist now?' },
//     { buyer: 'Yes please', confidence: 0.95 },
//   ])
//
// The call starts at T0 (CallStarted + CallAnswered first, unless `callStarted: false`). Each turn
// advances a clock of offsets since answer: speech lasts 350 ms per word (at least 600 ms), the
// buyer replies 600 ms after the agent stops, and a segment's signal occurs when it ends.
import { v1, type ISignal, type warmline } from '@warmline/contracts';
import type { MarkerKindName } from '../marker-kind.js';
import { markerKindOf } from '../marker-kind.js';
import type { SignalEvent } from '../signal-event.js';

const { Speaker, SignalFault, MarkerStatus, ObjectionStatus, AmdResult } = v1;

/** Monday 2 March 2026, 10:00 in New York (15:00 UTC, before the US DST change of 8 March). */
export const T0 = Date.UTC(2026, 2, 2, 15, 0, 0);
export const INTERACTION = 'call-1';
export const TIME_ZONE = 'America/New_York';

export interface ConversationOptions {
  readonly interactionId?: string;
  readonly startMs?: number;
  readonly timeZone?: string;
  readonly language?: string;
  readonly campaignId?: string;
  readonly territory?: string;
  /** Open with CallStarted and CallAnswered signals (default true). */
  readonly callStarted?: boolean;
  /** Number of the first signal (ids "sig-0001"...), to continue an earlier conversation. */
  readonly firstSignal?: number;
  /** Offset since answer to start the clock at, to continue an earlier conversation. */
  readonly firstOffsetMs?: number;
}

type Segments = 'previous' | 'none' | readonly string[];

/** One scripted step of a conversation. */
export type Turn =
  | { readonly agent: string; readonly segmentId?: string; readonly gapMs?: number }
  | {
      readonly buyer: string;
      readonly confidence?: number;
      readonly final?: boolean;
      readonly incomplete?: boolean;
      readonly fromVoicemail?: boolean;
      readonly faults?: readonly warmline.v1.SignalFault[];
      /** Silence before the buyer starts, after the previous speech (default 600 ms). */
      readonly replyAfterMs?: number;
      readonly speaker?: warmline.v1.Speaker;
      readonly language?: string;
      readonly segmentId?: string;
    }
  | {
      /** The segment cut: "previous" (the last transcript) or a segment id. */
      readonly interrupt: string;
      readonly by?: 'agent' | 'buyer';
    }
  | { readonly silenceMs: number }
  | {
      readonly assert: MarkerKindName;
      readonly status?: 'validated' | 'exploratory' | 'revoked' | 'absent';
      readonly quote: string;
      readonly confidence?: number;
      readonly segments?: Segments;
    }
  | {
      readonly assertObjection: string;
      readonly status: 'raised' | 'resolved';
      readonly quote: string;
      readonly resolution?: string;
      readonly confidence?: number;
      readonly segments?: Segments;
    }
  | { readonly amd: 'human' | 'machine' | 'fax' | 'unknown'; readonly confidence?: number }
  /** A voicemail greeting, flagged by perception (from_voicemail, ANSWERING_MACHINE fault). */
  | { readonly voicemail: string }
  | { readonly hangUp: 'buyer' | 'agent' }
  | { readonly timeout: true }
  /** Time passes with nothing said. */
  | { readonly wait: number }
  | { readonly promptDrift: number };

/** The signals of a scripted conversation, in order. */
export function conversation(
  turns: readonly Turn[],
  options: ConversationOptions = {},
): SignalEvent[] {
  const script = new Script(options);
  if (options.callStarted ?? true) {
    script.emit({
      callStarted: {
        campaignId: options.campaignId ?? 'solar-q4',
        buyerLanguage: options.language ?? 'en-US',
        timeZone: options.timeZone ?? TIME_ZONE,
        territory: options.territory ?? 'US-NY',
        direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
        platform: 'simulator',
      },
    });
    script.emit({ callAnswered: { ringDurationMs: 4_000 } });
  }
  for (const turn of turns) script.play(turn);
  return script.events;
}

/** A single SignalEvent around `perception`, for hand-made cases. */
export function signalEvent(
  perception: warmline.v1.IPerceptionEvent,
  overrides: {
    readonly signalId?: string;
    readonly occurredAtMs?: number;
    readonly interactionId?: string;
    readonly quality?: warmline.v1.ISignalQuality;
    readonly faults?: readonly warmline.v1.SignalFault[];
  } = {},
): SignalEvent {
  const signalId = overrides.signalId ?? 'sig-x';
  return {
    interactionId: overrides.interactionId ?? INTERACTION,
    occurredAtMs: overrides.occurredAtMs ?? T0,
    signal: {
      signalId,
      sourceEventId: `evt-${signalId}`,
      sourceSequence: 1,
      perception,
      quality: {
        score: 1,
        asrConfidence: 0,
        lagMs: 0,
        overlapped: false,
        incomplete: false,
        fromVoicemail: false,
        ...overrides.quality,
      },
      faults: [...(overrides.faults ?? [])],
    },
  };
}

class Script {
  readonly events: SignalEvent[] = [];
  private offsetMs: number;
  private next: number;
  private lastSegment = '';
  private segmentCount = 0;

  constructor(private readonly options: ConversationOptions) {
    this.offsetMs = options.firstOffsetMs ?? 0;
    this.next = options.firstSignal ?? 1;
  }

  play(turn: Turn): void {
    if ('agent' in turn)
      this.speak(Speaker.SPEAKER_AGENT, turn.agent, {
        gapMs: turn.gapMs ?? 600,
        segmentId: turn.segmentId,
      });
    else if ('buyer' in turn) this.buyer(turn);
    else if ('interrupt' in turn) this.interrupt(turn);
    else if ('silenceMs' in turn) {
      this.emit(
        { silence: { durationMs: turn.silenceMs, offsetMs: this.offsetMs } },
        { atOffset: this.offsetMs + turn.silenceMs },
      );
      this.offsetMs += turn.silenceMs;
    } else if ('assert' in turn) this.assertMarker(turn);
    else if ('assertObjection' in turn) this.assertObjection(turn);
    else if ('amd' in turn) this.amd(turn);
    else if ('voicemail' in turn) {
      this.speak(Speaker.SPEAKER_BUYER, turn.voicemail, {
        gapMs: 300,
        quality: { asrConfidence: 0.9, fromVoicemail: true },
        faults: [SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE],
      });
    } else if ('hangUp' in turn) {
      this.emit({
        hangUp: {
          by: turn.hangUp === 'buyer' ? Speaker.SPEAKER_BUYER : Speaker.SPEAKER_AGENT,
          reason: 'completed',
        },
      });
    } else if ('timeout' in turn) {
      this.emit(
        { callTimeout: { elapsedMs: this.offsetMs, limitMs: this.offsetMs } },
        { faults: [SignalFault.SIGNAL_FAULT_CALL_TIMEOUT] },
      );
    } else if ('wait' in turn) this.offsetMs += turn.wait;
    else
      this.emit(
        { promptDrift: { score: turn.promptDrift, description: 'off script' } },
        { faults: [SignalFault.SIGNAL_FAULT_PROMPT_DRIFT] },
      );
  }

  emit(
    perception: warmline.v1.IPerceptionEvent,
    extra: {
      atOffset?: number;
      quality?: warmline.v1.ISignalQuality;
      faults?: readonly warmline.v1.SignalFault[];
    } = {},
  ): ISignal {
    const n = this.next++;
    const signalId = `sig-${String(n).padStart(4, '0')}`;
    const event = signalEvent(perception, {
      signalId,
      occurredAtMs: (this.options.startMs ?? T0) + (extra.atOffset ?? this.offsetMs),
      interactionId: this.options.interactionId ?? INTERACTION,
      quality: extra.quality,
      faults: extra.faults,
    });
    const signal = { ...event.signal, sourceSequence: n, sourceEventId: `evt-${n}` };
    this.events.push({ ...event, signal });
    return signal;
  }

  private buyer(turn: Extract<Turn, { buyer: string }>): void {
    const faults = [...(turn.faults ?? [])];
    if (turn.incomplete) faults.push(SignalFault.SIGNAL_FAULT_INTERRUPTED_UTTERANCE);
    if (turn.fromVoicemail) faults.push(SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE);
    if (turn.final === false) faults.push(SignalFault.SIGNAL_FAULT_PARTIAL_TRANSCRIPT);
    this.speak(turn.speaker ?? Speaker.SPEAKER_BUYER, turn.buyer, {
      gapMs: turn.replyAfterMs ?? 600,
      segmentId: turn.segmentId,
      final: turn.final ?? true,
      confidence: turn.confidence ?? 0.93,
      language: turn.language,
      quality: { incomplete: turn.incomplete ?? false, fromVoicemail: turn.fromVoicemail ?? false },
      faults: [...new Set(faults)].sort((a, b) => a - b),
    });
  }

  private speak(
    speaker: warmline.v1.Speaker,
    text: string,
    o: {
      gapMs: number;
      segmentId?: string | undefined;
      final?: boolean;
      confidence?: number;
      language?: string | undefined;
      quality?: warmline.v1.ISignalQuality;
      faults?: readonly warmline.v1.SignalFault[];
    },
  ): void {
    const start = this.offsetMs + o.gapMs;
    const end = start + Math.max(600, text.split(/\s+/u).length * 350);
    const segmentId = o.segmentId ?? `seg-${++this.segmentCount}`;
    const confidence = o.confidence ?? 0.95;
    this.emit(
      {
        transcriptSegment: {
          segmentId,
          speaker,
          text,
          isFinal: o.final ?? true,
          asrConfidence: confidence,
          asrLatencyMs: 200,
          startOffsetMs: start,
          endOffsetMs: end,
          language: o.language ?? '',
          revision: 0,
        },
      },
      { atOffset: end, quality: { asrConfidence: confidence, ...o.quality }, faults: o.faults },
    );
    this.offsetMs = end;
    this.lastSegment = segmentId;
  }

  private interrupt(turn: Extract<Turn, { interrupt: string }>): void {
    const segment = turn.interrupt === 'previous' ? this.lastSegment : turn.interrupt;
    this.emit(
      {
        interruption: {
          by: turn.by === 'buyer' ? Speaker.SPEAKER_BUYER : Speaker.SPEAKER_AGENT,
          interruptedSegmentId: segment,
          offsetMs: this.offsetMs,
          overlapMs: 400,
        },
      },
      { faults: [SignalFault.SIGNAL_FAULT_OVERLAPPING_SPEECH] },
    );
  }

  private cited(segments: Segments | undefined): string[] {
    if (segments === 'none') return [];
    if (segments === undefined || segments === 'previous') return [this.lastSegment];
    return [...segments];
  }

  private assertMarker(turn: Extract<Turn, { assert: MarkerKindName }>): void {
    const status = {
      validated: MarkerStatus.MARKER_STATUS_VALIDATED,
      exploratory: MarkerStatus.MARKER_STATUS_EXPLORATORY,
      revoked: MarkerStatus.MARKER_STATUS_REVOKED,
      absent: MarkerStatus.MARKER_STATUS_ABSENT,
    }[turn.status ?? 'validated'];
    this.emit({
      structuredAssertion: {
        toolCallId: `call_${this.next}`,
        model: 'gpt-4o',
        markerKind: markerKindOf(turn.assert),
        markerStatus: status,
        buyerQuote: turn.quote,
        confidence: turn.confidence ?? 0.9,
        segmentIds: this.cited(turn.segments),
      },
    });
  }

  private assertObjection(turn: Extract<Turn, { assertObjection: string }>): void {
    this.emit({
      structuredAssertion: {
        toolCallId: `call_${this.next}`,
        model: 'gpt-4o',
        objectionTopic: turn.assertObjection,
        objectionStatus:
          turn.status === 'raised'
            ? ObjectionStatus.OBJECTION_STATUS_RAISED
            : ObjectionStatus.OBJECTION_STATUS_RESOLVED,
        buyerQuote: turn.quote,
        confidence: turn.confidence ?? 0.9,
        segmentIds: this.cited(turn.segments),
        resolution: turn.resolution ?? '',
      },
    });
  }

  private amd(turn: Extract<Turn, { amd: string }>): void {
    const result = {
      human: AmdResult.AMD_RESULT_HUMAN,
      machine: AmdResult.AMD_RESULT_MACHINE_END_BEEP,
      fax: AmdResult.AMD_RESULT_FAX,
      unknown: AmdResult.AMD_RESULT_UNKNOWN,
    }[turn.amd];
    const confidence = turn.confidence ?? 0.95;
    this.emit(
      { answeringMachineResult: { result, confidence, detectionMs: 2_500 } },
      { faults: confidence < 0.7 ? [SignalFault.SIGNAL_FAULT_AMD_LOW_CONFIDENCE] : [] },
    );
  }
}

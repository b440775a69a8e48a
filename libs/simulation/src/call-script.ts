// Writes one call's perception events as it would happen: speech takes time (words × speech rate),
// ASR reports a final segment a little after each utterance ends, the far end answers after a ring.
// The script keeps a cursor — the end of the last thing said — and every line starts after it.
import { v1, type warmline } from '@warmline/contracts';
import type { MarkerName } from './buyer-lines.js';
import type { EventTag, PlannedEvent } from './call-plan.js';
import type { PersonaTraits } from './persona-traits.js';
import type { Rng } from './rng.js';

const AGENT_MS_PER_WORD = 320;
const AGENT_REPLY_DELAY_MS = [500, 1_100] as const;
const ASR_LATENCY_MS = [150, 600] as const;
const BUYER_CONFIDENCE = [0.85, 0.98] as const;
const AGENT_CONFIDENCE = [0.93, 0.99] as const;
const ASSERTION_DELAY_MS = [300, 1_200] as const;
const ASSERTION_CONFIDENCE = [0.8, 0.97] as const;
const SILENCE_MS = [1_500, 3_500] as const;
const DETECTION_DELAY_MS = 150;
const ASSERTION_MODEL = 'gpt-4o-mini';

const MARKER_KIND: Readonly<Record<MarkerName, warmline.v1.MarkerKind>> = {
  scope_confirmed: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
  timing_consent: v1.MarkerKind.MARKER_KIND_TIMING_CONSENT,
  next_step_accepted: v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED,
  escalation_permission: v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
};

/** A claim the voice agent's LLM reports about a buyer utterance (a StructuredAssertion). */
export type AssertedClaim =
  | { readonly marker: MarkerName; readonly status: 'validated' | 'exploratory' }
  | {
      readonly objection: string;
      readonly status: 'raised' | 'resolved';
      readonly resolution?: string;
    };

/** One utterance as scripted. */
export interface Utterance {
  readonly segmentId: string;
  /** Simulated ms since call start. */
  readonly startMs: number;
  readonly endMs: number;
  /** When its final segment is emitted. */
  readonly atMs: number;
}

/** Who the call is with, and how they speak. */
export interface ScriptSetup {
  readonly interactionId: string;
  readonly language: string;
  readonly traits: PersonaTraits;
  /** Chance that a buyer line with a claim is also reported as a structured assertion. */
  readonly assertionRate: number;
}

/** Builds a call's timeline; see the file comment. */
export class CallScript {
  private readonly events: PlannedEvent[] = [];
  private cursorMs = 0;
  private answeredAtMs = 0;
  private segments = 0;
  private toolCalls = 0;
  private readonly buyerMsPerWord: number;

  constructor(
    private readonly setup: ScriptSetup,
    private readonly rng: Rng,
  ) {
    this.buyerMsPerWord = rng.between(setup.traits.msPerWord[0], setup.traits.msPerWord[1]);
  }

  /** When the call was answered (0 before `answered`). */
  get answeredAt(): number {
    return this.answeredAtMs;
  }

  /** CallStarted at 0. */
  callStarted(callStarted: warmline.v1.ICallStarted): void {
    this.emit(0, { callStarted });
  }

  /** CallAnswered after `ringMs`; offsets count from here. */
  answered(ringMs: number): void {
    this.answeredAtMs = Math.round(ringMs);
    this.cursorMs = this.answeredAtMs;
    this.emit(this.answeredAtMs, { callAnswered: { ringDurationMs: this.answeredAtMs } });
  }

  /** The AMD result, `detectionMs` after answer; speech waits for it unless `duringSpeech`. */
  amd(
    result: warmline.v1.AmdResult,
    confidence: number,
    detectionMs: number,
    duringSpeech = false,
  ): void {
    const at = this.answeredAtMs + Math.round(detectionMs);
    this.emit(at, {
      answeringMachineResult: {
        result,
        confidence: round3(confidence),
        detectionMs: Math.round(detectionMs),
      },
    });
    if (!duringSpeech) this.cursorMs = Math.max(this.cursorMs, at);
  }

  /** The agent says `text` after its usual reply delay (or `startMs` exactly). */
  agentSays(text: string, startMs?: number): Utterance {
    const start = startMs ?? this.cursorMs + this.draw(AGENT_REPLY_DELAY_MS);
    const utterance = this.speak(
      v1.Speaker.SPEAKER_AGENT,
      text,
      start,
      AGENT_MS_PER_WORD,
      AGENT_CONFIDENCE,
      [],
    );
    this.cursorMs = Math.max(this.cursorMs, utterance.endMs);
    return utterance;
  }

  /**
   * The buyer says `text` after their reply delay (with a reported silence first, at the
   * persona's silence chance), optionally echoed by a structured assertion.
   */
  buyerSays(
    text: string,
    tags: readonly EventTag[],
    claim: AssertedClaim | null = null,
  ): Utterance {
    if (this.rng.chance(this.setup.traits.silenceChance)) this.silence();
    const start = this.cursorMs + this.draw(this.setup.traits.replyDelayMs);
    const utterance = this.speak(
      v1.Speaker.SPEAKER_BUYER,
      text,
      start,
      this.buyerMsPerWord,
      BUYER_CONFIDENCE,
      tags,
    );
    this.cursorMs = utterance.endMs;
    if (claim !== null && this.rng.chance(this.setup.assertionRate))
      this.assert(claim, text, utterance);
    return utterance;
  }

  /** The far end's speech right after answer, while AMD listens (an answering-machine greeting). */
  greeting(text: string, tags: readonly EventTag[]): Utterance {
    const start = this.answeredAtMs + 200;
    const utterance = this.speak(
      v1.Speaker.SPEAKER_BUYER,
      text,
      start,
      this.buyerMsPerWord,
      BUYER_CONFIDENCE,
      tags,
    );
    this.cursorMs = Math.max(this.cursorMs, utterance.endMs);
    return utterance;
  }

  /**
   * The interrupting exchange: the agent asks `question`; the buyer barges in before it ends with
   * `confirmation`; the agent talks over them ("Sorry, I cut you off." + the question again), which
   * cuts the buyer's confirmation mid-sentence; then the buyer says it again in full. Returns the
   * full re-confirmation.
   */
  bargeIn(
    question: string,
    apology: string,
    confirmation: string,
    tags: readonly EventTag[],
    claim: AssertedClaim | null,
  ): Utterance {
    const asked = this.agentSays(question);
    const bargeAt = asked.endMs - this.draw([400, 900]);
    this.emit(bargeAt + DETECTION_DELAY_MS, {
      interruption: {
        by: v1.Speaker.SPEAKER_BUYER,
        interruptedSegmentId: asked.segmentId,
        offsetMs: this.offset(bargeAt),
        overlapMs: asked.endMs - bargeAt,
      },
    });
    const words = confirmation.split(/\s+/);
    const fullMs = words.length * this.buyerMsPerWord;
    const cutAt = Math.max(
      bargeAt + Math.round(fullMs * this.rng.between(0.4, 0.7)),
      asked.endMs + 150,
    );
    const cutEnd = cutAt + this.draw([300, 700]);
    const spoken = Math.min(
      words.length - 1,
      Math.ceil((words.length * (cutEnd - bargeAt)) / fullMs),
    );
    const cutText = words
      .slice(0, Math.max(1, spoken))
      .join(' ')
      .replace(/[.,!?]+$/, '');
    const cut = this.speakBetween(
      v1.Speaker.SPEAKER_BUYER,
      cutText,
      bargeAt,
      cutEnd,
      BUYER_CONFIDENCE,
      ['cut'],
    );
    this.emit(cutAt + DETECTION_DELAY_MS, {
      interruption: {
        by: v1.Speaker.SPEAKER_AGENT,
        interruptedSegmentId: cut.segmentId,
        offsetMs: this.offset(cutAt),
        overlapMs: cutEnd - cutAt,
      },
    });
    this.agentSays(`${apology} ${question}`, cutAt);
    return this.buyerSays(confirmation, tags, claim);
  }

  /**
   * Agent lines every 10-15 s from 2-4 s after the cursor until `untilMs`: what a voice agent says
   * while the buyer waits for the stack. Tagged "hold_filler".
   */
  holdFillers(first: string, repeated: readonly string[], untilMs: number): void {
    let text = first;
    let start = this.cursorMs + this.draw([2_000, 4_000]);
    while (start < untilMs) {
      const words = text.split(/\s+/).length;
      const end = start + words * AGENT_MS_PER_WORD;
      if (end >= untilMs) break;
      this.speakBetween(v1.Speaker.SPEAKER_AGENT, text, start, end, AGENT_CONFIDENCE, [
        'hold_filler',
      ]);
      this.cursorMs = end;
      text = this.rng.pick(repeated);
      start = end + this.draw([10_000, 15_000]);
    }
  }

  /** A reported stretch of silence from the cursor. */
  silence(): void {
    const duration = this.draw(SILENCE_MS);
    this.emit(this.cursorMs + duration, {
      silence: { durationMs: duration, offsetMs: this.offset(this.cursorMs) },
    });
    this.cursorMs += duration;
  }

  /** A party ends the call shortly after the cursor. */
  hangUp(by: warmline.v1.Speaker, reason: string): void {
    this.cursorMs += this.draw([600, 1_500]);
    this.emit(this.cursorMs, { hangUp: { by, reason } });
  }

  /** The events, ordered by emission time (ties keep script order). */
  timeline(): PlannedEvent[] {
    return this.events
      .map((event, i) => ({ event, i }))
      .sort((a, b) => a.event.atMs - b.event.atMs || a.i - b.i)
      .map(({ event }) => event);
  }

  private speak(
    speaker: warmline.v1.Speaker,
    text: string,
    startMs: number,
    msPerWord: number,
    confidence: readonly [number, number],
    tags: readonly EventTag[],
  ): Utterance {
    const words = text.split(/\s+/).filter((word) => word !== '').length;
    return this.speakBetween(
      speaker,
      text,
      startMs,
      startMs + Math.round(words * msPerWord),
      confidence,
      tags,
    );
  }

  private speakBetween(
    speaker: warmline.v1.Speaker,
    text: string,
    startMs: number,
    endMs: number,
    confidence: readonly [number, number],
    tags: readonly EventTag[],
  ): Utterance {
    this.segments += 1;
    const segmentId = `${this.setup.interactionId}-s${this.segments}`;
    const latency = this.draw(ASR_LATENCY_MS);
    const atMs = endMs + latency;
    this.emit(
      atMs,
      {
        transcriptSegment: {
          segmentId,
          speaker,
          text,
          isFinal: true,
          asrConfidence: round3(this.rng.between(confidence[0], confidence[1])),
          asrLatencyMs: latency,
          startOffsetMs: this.offset(startMs),
          endOffsetMs: this.offset(endMs),
          language: this.setup.language,
          revision: 0,
        },
      },
      tags,
    );
    return { segmentId, startMs, endMs, atMs };
  }

  private assert(claim: AssertedClaim, quote: string, utterance: Utterance): void {
    this.toolCalls += 1;
    const base = {
      toolCallId: `${this.setup.interactionId}-t${this.toolCalls}`,
      model: ASSERTION_MODEL,
      buyerQuote: quote,
      confidence: round3(this.rng.between(ASSERTION_CONFIDENCE[0], ASSERTION_CONFIDENCE[1])),
      segmentIds: [utterance.segmentId],
    };
    const structuredAssertion: warmline.v1.IStructuredAssertion =
      'marker' in claim
        ? {
            ...base,
            markerKind: MARKER_KIND[claim.marker],
            markerStatus:
              claim.status === 'validated'
                ? v1.MarkerStatus.MARKER_STATUS_VALIDATED
                : v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
          }
        : {
            ...base,
            objectionTopic: claim.objection,
            objectionStatus:
              claim.status === 'raised'
                ? v1.ObjectionStatus.OBJECTION_STATUS_RAISED
                : v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED,
            resolution: claim.resolution ?? '',
          };
    this.emit(utterance.atMs + this.draw(ASSERTION_DELAY_MS), { structuredAssertion });
  }

  private emit(
    atMs: number,
    event: warmline.v1.IPerceptionEvent,
    tags: readonly EventTag[] = [],
  ): void {
    this.events.push({ atMs: Math.round(atMs), event, tags });
  }

  // Event offsets count from answer; nothing is said before it.
  private offset(atMs: number): number {
    return Math.max(0, Math.round(atMs - this.answeredAtMs));
  }

  private draw(range: readonly [number, number]): number {
    return Math.round(this.rng.between(range[0], range[1]));
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// Perception events of a phone conversation, as a voice agent would send them through the gateway:
// CallStarted, CallAnswered, then agent and buyer turns as final transcript segments, numbered 1, 2, 3…
import { toTimestamp, v1, type ITimestamp, type warmline } from '@warmline/contracts';

/** One turn of the conversation. */
export type Turn =
  | { readonly agent: string }
  | { readonly buyer: string; readonly confidence?: number }
  | { readonly amd: 'human' | 'machine'; readonly confidence: number }
  | { readonly interruptPrevious: true }
  | { readonly hangUp: true };

/** A perception event ready to publish. */
export interface PlannedEvent {
  readonly eventId: string;
  readonly sequence: number;
  readonly occurredAt: ITimestamp;
  readonly perceptionEvent: warmline.v1.IPerceptionEvent;
}

export interface ConversationOptions {
  readonly campaignId?: string;
  readonly timeZone?: string;
  /** Time of CallStarted, ms (default: so that the last event happens now); events follow 250 ms apart. */
  readonly startMs?: number;
}

/** Event time between consecutive events: short, so the newest intent versions are fresh when decided. */
const EVENT_SPACING_MS = 250;

/** The events of `turns` for interaction `iid`. */
export function conversationEvents(
  iid: string,
  turns: readonly Turn[],
  options: ConversationOptions = {},
): PlannedEvent[] {
  const events: warmline.v1.IPerceptionEvent[] = [
    {
      callStarted: {
        campaignId: options.campaignId ?? 'solar',
        buyerLanguage: 'en-US',
        timeZone: options.timeZone ?? 'America/New_York',
        territory: 'US-NY',
        direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
        platform: 'simulator',
      },
    },
    { callAnswered: { ringDurationMs: 4_000 } },
  ];
  let lastSegment = '';
  turns.forEach((turn, i) => {
    const offset = 5_000 + i * 3_000;
    if ('agent' in turn || 'buyer' in turn) {
      lastSegment = `${iid}-seg-${i}`;
      const buyer = 'buyer' in turn;
      events.push({
        transcriptSegment: {
          segmentId: lastSegment,
          speaker: buyer ? v1.Speaker.SPEAKER_BUYER : v1.Speaker.SPEAKER_AGENT,
          text: buyer ? turn.buyer : turn.agent,
          isFinal: true,
          asrConfidence: buyer ? (turn.confidence ?? 0.95) : 0.99,
          asrLatencyMs: 250,
          startOffsetMs: offset,
          endOffsetMs: offset + 2_000,
          language: 'en-US',
        },
      });
    } else if ('amd' in turn) {
      events.push({
        answeringMachineResult: {
          result:
            turn.amd === 'human'
              ? v1.AmdResult.AMD_RESULT_HUMAN
              : v1.AmdResult.AMD_RESULT_MACHINE_END_BEEP,
          confidence: turn.confidence,
          detectionMs: 1_500,
        },
      });
    } else if ('interruptPrevious' in turn) {
      events.push({
        interruption: {
          by: v1.Speaker.SPEAKER_AGENT,
          interruptedSegmentId: lastSegment,
          offsetMs: offset - 2_000,
          overlapMs: 600,
        },
      });
    } else {
      events.push({ hangUp: { by: v1.Speaker.SPEAKER_BUYER, reason: 'completed' } });
    }
  });
  const start = options.startMs ?? Date.now() - (events.length - 1) * EVENT_SPACING_MS;
  return events.map((perceptionEvent, i) => ({
    eventId: `${iid}-ev-${i + 1}`,
    sequence: i + 1,
    occurredAt: toTimestamp(start + i * EVENT_SPACING_MS),
    perceptionEvent,
  }));
}

/** The ready buyer of the acceptance criteria: scope, timing with a window, next step, permission. */
export const EXPLICIT_BUYER: readonly Turn[] = [
  { agent: 'Is the full roof replacement what you are looking for?' },
  { buyer: 'Yes, the full roof replacement is exactly what I need.' },
  { agent: 'When would be a good time for a specialist to call you?' },
  { buyer: 'Call me Thursday after 2.' },
  { agent: 'Would you like to book the free site survey as the next step?' },
  { buyer: "Yes, let's do the site survey." },
  { agent: 'Would you like me to connect you with a specialist?' },
  { buyer: 'Yes please, I would like to speak with a specialist.' },
];

/** The same conversation in hedged language. */
export const HEDGING_BUYER: readonly Turn[] = [
  { agent: 'Is the full roof replacement what you are looking for?' },
  { buyer: "Maybe, I'm just looking for now." },
  { agent: 'When would be a good time for a specialist to call you?' },
  { buyer: "I'd have to check, maybe sometime." },
  { agent: 'Would you like to book the free site survey as the next step?' },
  { buyer: 'I guess, maybe, not sure.' },
  { agent: 'Would you like me to connect you with a specialist now?' },
  { buyer: "Maybe, I'd have to check with my wife first." },
];

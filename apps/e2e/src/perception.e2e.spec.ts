// The perception agent as its own process on a real broker, fed as the gateway feeds it.
import type { EventBus } from '@warmline/bus';
import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { eventually, storedDeadLetters, storedEnvelopes } from '@warmline/testing';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

let stack: WarmlineUnderTest;
let gateway: EventBus;

beforeAll(async () => {
  stack = await warmlineUnderTest();
  await stack.start('perception', { WARMLINE_MAX_GAP_WAIT_MS: '400' });
  gateway = await stack.busAs('gateway');
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const T0 = Date.now();
let counter = 0;
const newInteraction = () => `perc-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

function buyerSays(segmentId: string, text: string): warmline.v1.IPerceptionEvent {
  return {
    transcriptSegment: {
      segmentId,
      speaker: v1.Speaker.SPEAKER_BUYER,
      text,
      isFinal: true,
      asrConfidence: 0.93,
      asrLatencyMs: 200,
      startOffsetMs: 1_000,
      endOffsetMs: 2_000,
    },
  };
}

async function send(
  interactionId: string,
  sequence: number,
  perceptionEvent: warmline.v1.IPerceptionEvent,
  eventId = `${interactionId}-ev-${sequence}`,
) {
  return gateway.publish('perception', interactionId, {
    eventId,
    sequence,
    occurredAt: toTimestamp(T0 + sequence * 1_000),
    perceptionEvent,
  });
}

async function signalsOf(interactionId: string, count: number) {
  const found = await eventually(
    () => storedEnvelopes(stack.jsm, 'signal', interactionId),
    (list) => list.length >= count,
    15_000,
  );
  return found.map((s) => s.envelope);
}

describe('perception agent (separate process)', () => {
  it('turns perception events into ordered signals with quality and faults', async () => {
    const iid = newInteraction();
    await send(iid, 1, {
      callStarted: {
        campaignId: 'solar',
        buyerLanguage: 'en-US',
        timeZone: 'America/Chicago',
        direction: v1.CallDirection.CALL_DIRECTION_OUTBOUND,
      },
    });
    await send(iid, 2, {
      answeringMachineResult: { result: v1.AmdResult.AMD_RESULT_HUMAN, confidence: 0.55 },
    });
    await send(iid, 3, buyerSays('s1', 'yes, the whole roof'));
    const signals = await signalsOf(iid, 3);
    expect(signals.map((s) => s.sequence)).toEqual([1, 2, 3]);
    expect(signals.map((s) => s.signal?.sourceSequence)).toEqual([1, 2, 3]);
    expect(signals[1]!.signal!.faults).toContain(v1.SignalFault.SIGNAL_FAULT_AMD_LOW_CONFIDENCE);
    expect(signals[2]!.signal!.quality?.asrConfidence).toBeCloseTo(0.93);
    expect(signals[2]!.causationId).toBe(`${iid}-ev-3`);
    expect(signals[2]!.producer?.agent).toBe('perception');
  });

  it('restores order and drops duplicates: the same signals as the ordered stream', async () => {
    const iid = newInteraction();
    const events = [1, 2, 3, 4].map((n) => buyerSays(`s${n}`, `sentence ${n}`));
    for (const n of [3, 1, 4, 1, 2, 3]) await send(iid, n, events[n - 1]!);
    const signals = await signalsOf(iid, 4);
    await new Promise((r) => setTimeout(r, 600));
    const after = await storedEnvelopes(stack.jsm, 'signal', iid);
    expect(after).toHaveLength(4);
    expect(signals.map((s) => s.signal?.perception?.transcriptSegment?.text)).toEqual([
      'sentence 1',
      'sentence 2',
      'sentence 3',
      'sentence 4',
    ]);
    expect(signals.every((s) => (s.signal?.faults ?? []).length === 0)).toBe(true);
  });

  it('gives up on a missing sequence after the bounded wait, flagging the gap', async () => {
    const iid = newInteraction();
    await send(iid, 1, buyerSays('g1', 'one'));
    await send(iid, 3, buyerSays('g3', 'three')); // 2 never arrives
    const signals = await signalsOf(iid, 2);
    expect(signals[1]!.signal!.sourceSequence).toBe(3);
    expect(signals[1]!.signal!.faults).toContain(v1.SignalFault.SIGNAL_FAULT_SEQUENCE_GAP);
  });

  it('dead-letters a malformed event with the bad field, and keeps serving other interactions', async () => {
    const bad = newInteraction();
    await send(bad, 1, {
      transcriptSegment: { ...buyerSays('b1', 'hi').transcriptSegment, asrConfidence: 1.7 },
    });
    const records = await eventually(
      () => storedDeadLetters(stack.jsm),
      (list) => list.some((r) => r.originalSubject?.endsWith(bad)),
    );
    const record = records.find((r) => r.originalSubject?.endsWith(bad))!;
    expect(record).toMatchObject({
      reasonName: 'VALIDATION_FAILED',
      errorCode: 'PERCEPTION_EVENT_INVALID',
      agent: 'perception',
    });
    expect(record.errorMessage).toMatch(/asr_confidence must be within 0\.\.1, got 1\.7/);

    const good = newInteraction();
    await send(good, 1, buyerSays('ok1', 'still here'));
    expect(await signalsOf(good, 1)).toHaveLength(1);
  });
});

import { encodeEnvelope, toTimestamp, v1 } from '@warmline/contracts';
import { initialPerceptionContext } from './perception-context.js';
import { signalIdFor } from './signal-id.js';
import { FAULT_WEIGHTS, qualityScore } from './signal-quality.js';
import { toSignals } from './to-signals.js';
import {
  INTERACTION,
  SignalFault,
  T0,
  THRESHOLDS,
  ordered,
  segment,
} from './__fixtures__/events.js';

const {
  SIGNAL_FAULT_ASR_LOW_CONFIDENCE: LOW_ASR,
  SIGNAL_FAULT_OUT_OF_ORDER: OUT_OF_ORDER,
  SIGNAL_FAULT_PARTIAL_TRANSCRIPT: PARTIAL,
  SIGNAL_FAULT_SEQUENCE_GAP: GAP,
} = SignalFault;
const fresh = () => initialPerceptionContext(INTERACTION);

describe('toSignals', () => {
  it('copies the source event, its id and sequence into the signal', () => {
    const event = ordered(3, segment(), { eventId: 'evt-abc' });
    const [signal] = toSignals(fresh(), event, THRESHOLDS).signals;
    expect(signal).toMatchObject({
      signalId: 'sig-evt-abc',
      sourceEventId: 'evt-abc',
      sourceSequence: 3,
      perception: event.perception,
    });
    expect(signal?.perception).not.toBe(event.perception);
  });

  it('gives the same signal for the same context and event (a re-run after a crash)', () => {
    const event = ordered(1, segment());
    expect(toSignals(fresh(), event, THRESHOLDS)).toEqual(toSignals(fresh(), event, THRESHOLDS));
  });

  it('produces signals the bus accepts', () => {
    const [signal] = toSignals(
      fresh(),
      ordered(1, segment({ isFinal: false })),
      THRESHOLDS,
    ).signals;
    const bytes = encodeEnvelope({
      eventId: signal?.signalId,
      interactionId: INTERACTION,
      sequence: 1,
      occurredAt: toTimestamp(T0),
      signal,
    });
    expect(v1.Envelope.decode(bytes).signal?.faults).toEqual([PARTIAL]);
  });

  it('adds the ordering fault, sorted among the others, and lowers the score', () => {
    const late = ordered(2, segment({ isFinal: false, asrConfidence: 0.5 }), {
      orderingFault: OUT_OF_ORDER,
    });
    const [signal] = toSignals(fresh(), late, THRESHOLDS).signals;
    expect(signal?.faults).toEqual([LOW_ASR, PARTIAL, OUT_OF_ORDER]);
    expect(signal?.quality?.score).toBe(0.1125);
  });

  it('carries a gap released on a superseded revision to the next signal', () => {
    const first = toSignals(fresh(), ordered(1, segment({ revision: 2 })), THRESHOLDS);
    const superseded = toSignals(
      first.context,
      ordered(5, segment({ revision: 1 }), { orderingFault: GAP }),
      THRESHOLDS,
    );
    expect(superseded.signals).toEqual([]);
    const next = toSignals(
      superseded.context,
      ordered(6, segment({ segmentId: 'seg-2' })),
      THRESHOLDS,
    );
    expect(next.signals[0]?.faults).toEqual([GAP]);
    const after = toSignals(next.context, ordered(7, segment({ segmentId: 'seg-3' })), THRESHOLDS);
    expect(after.signals[0]?.faults).toEqual([]);
  });
});

describe('signalIdFor', () => {
  it('is sig- and the event id when that fits the id rule', () => {
    expect(signalIdFor('ev-1')).toBe('sig-ev-1');
    expect(signalIdFor('a'.repeat(124))).toBe(`sig-${'a'.repeat(124)}`);
  });

  it('stays a valid id for the longest event ids, and tells them apart', () => {
    const one = signalIdFor(`${'a'.repeat(120)}-one`);
    const two = signalIdFor(`${'a'.repeat(120)}-two`);
    expect(one).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
    expect(one).toHaveLength(128);
    expect(one).not.toBe(two);
    expect(signalIdFor(`${'a'.repeat(120)}-one`)).toBe(one);
  });
});

describe('qualityScore', () => {
  it('multiplies the evidence by each fault weight', () => {
    expect(qualityScore(0.9, [])).toBe(0.9);
    expect(qualityScore(1, [PARTIAL, GAP])).toBe(0.45);
    expect(FAULT_WEIGHTS[SignalFault.SIGNAL_FAULT_ANSWERING_MACHINE]).toBe(0);
  });

  it('stays within 0..1', () => {
    expect(qualityScore(1.5, [])).toBe(1);
    expect(qualityScore(-1, [])).toBe(0);
  });
});

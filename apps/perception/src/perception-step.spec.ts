import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { initialPerceptionState } from '@warmline/signals';
import { perceiveStep, perceptionKey, tickStep } from './perception-step.js';
import { readPerceptionSettings } from './perception-settings.js';

const settings = readPerceptionSettings({ WARMLINE_MAX_GAP_WAIT_MS: '1000' });
const T0 = Date.UTC(2026, 10, 24, 15);

function segment(sequence: number, text: string): warmline.v1.IEnvelope {
  return {
    eventId: `ev-${sequence}`,
    interactionId: 'call-1',
    sequence,
    occurredAt: toTimestamp(T0 + sequence * 1_000),
    perceptionEvent: {
      transcriptSegment: {
        segmentId: `s-${sequence}`,
        speaker: v1.Speaker.SPEAKER_BUYER,
        text,
        isFinal: true,
        asrConfidence: 0.9,
        startOffsetMs: sequence * 1_000,
        endOffsetMs: sequence * 1_000 + 500,
      },
    },
  };
}

describe('perceiveStep', () => {
  it('publishes each released signal with its id as event id, its own time and contiguous sequences', () => {
    const held = perceiveStep(null, segment(2, 'two'), T0 + 5_000, settings);
    expect(held.effects).toEqual([]);
    expect(held.result.nextTickAtMs).toBe(T0 + 6_000);

    const both = perceiveStep(held.state, segment(1, 'one'), T0 + 5_100, settings);
    expect(both.result).toEqual({ nextTickAtMs: null, duplicate: false, signals: 2 });
    expect(
      both.effects.map((e) =>
        e.kind === 'publish'
          ? [e.family, e.envelope.eventId, e.envelope.sequence, e.envelope.causationId]
          : e.kind,
      ),
    ).toEqual([
      ['signal', 'sig-ev-1', 1, 'ev-1'],
      ['signal', 'sig-ev-2', 2, 'ev-2'],
    ]);
    const times = both.effects.map((e) => (e.kind === 'publish' ? e.envelope.occurredAt : null));
    expect(times).toEqual([toTimestamp(T0 + 1_000), toTimestamp(T0 + 2_000)]);
  });

  it('reports a re-delivered event as a duplicate with nothing to publish', () => {
    const once = perceiveStep(null, segment(1, 'one'), T0, settings);
    const again = perceiveStep(once.state, segment(1, 'one'), T0 + 10, settings);
    expect(again.result.duplicate).toBe(true);
    expect(again.effects).toEqual([]);
  });

  it('throws the validation error of an invalid event (the caller dead-letters it)', () => {
    const bad = segment(1, '');
    expect(() => perceiveStep(null, bad, T0, settings)).toThrow(/text/);
  });
});

describe('tickStep', () => {
  it('releases a held event with SEQUENCE_GAP once the wait is over, and not before', () => {
    const held = perceiveStep(initialPerceptionState('call-1'), segment(2, 'two'), T0, settings);
    expect(tickStep(held.state, T0 + 500, settings)).toBeNull();
    const ticked = tickStep(held.state, T0 + 1_000, settings)!;
    expect(ticked.result.nextTickAtMs).toBeNull();
    const [effect] = ticked.effects;
    expect(effect?.kind === 'publish' && effect.envelope.signal?.faults).toContain(
      v1.SignalFault.SIGNAL_FAULT_SEQUENCE_GAP,
    );
  });

  it('does nothing for an interaction it has no state of', () => {
    expect(tickStep(null, T0, settings)).toBeNull();
  });
});

describe('perceptionKey', () => {
  it('keys the checkpoint by interaction', () => {
    expect(perceptionKey('call-1')).toBe('perception.interaction.call-1');
  });
});

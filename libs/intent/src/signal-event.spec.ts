import { toTimestamp, v1 } from '@warmline/contracts';
import { conversation, signalEvent, T0 } from './__fixtures__/conversation.js';
import { replay } from './__fixtures__/replay.js';
import { InteractionMismatchError, isIntentError, SignalInvalidError } from './errors.js';
import { qualify } from './qualify.js';
import { signalEventFromEnvelope } from './signal-event.js';

describe('signalEventFromEnvelope', () => {
  it('takes the interaction and the occurred-at time from the envelope', () => {
    const signal = { signalId: 's1', perception: { callAnswered: {} } };
    expect(
      signalEventFromEnvelope({
        interactionId: 'call-1',
        occurredAt: toTimestamp(T0 + 250),
        signal,
      }),
    ).toEqual({ interactionId: 'call-1', occurredAtMs: T0 + 250, signal });
  });

  it('refuses an envelope without a signal body or without occurred_at', () => {
    expect(() =>
      signalEventFromEnvelope({ interactionId: 'call-1', occurredAt: toTimestamp(T0) }),
    ).toThrow(SignalInvalidError);
    expect(() =>
      signalEventFromEnvelope({ interactionId: 'call-1', signal: { signalId: 's' } }),
    ).toThrow(/occurred_at/);
  });
});

describe('qualify input checks', () => {
  it.each([
    ['no perception event', signalEvent({})],
    ['two perception events', signalEvent({ callAnswered: {}, silence: { durationMs: 1 } })],
    ['a bad signal id', signalEvent({ callAnswered: {} }, { signalId: 'has space' })],
    ['a bad interaction id', signalEvent({ callAnswered: {} }, { interactionId: 'a.b' })],
    ['a non-finite time', signalEvent({ callAnswered: {} }, { occurredAtMs: Number.NaN })],
    [
      'a transcript without segment id',
      signalEvent({ transcriptSegment: { text: 'yes', isFinal: true } }),
    ],
  ])('refuses a signal with %s, with a stable code', (_, event) => {
    try {
      qualify(null, null, event);
      throw new Error('accepted');
    } catch (err) {
      expect(isIntentError(err) && err.code).toBe('SIGNAL_INVALID');
    }
  });

  it('refuses a signal of another interaction than the state or the context', () => {
    const { state, context } = replay(conversation([]));
    const other = signalEvent({ callAnswered: {} }, { interactionId: 'call-2' });
    expect(() => qualify(state, context, other)).toThrow(InteractionMismatchError);
    expect(() => qualify(null, context, other)).toThrow(
      /qualification context of interaction call-1/,
    );
  });

  it('accepts a decoded protobuf Signal as well as a plain object', () => {
    const [started] = conversation([]);
    const decoded = v1.Signal.decode(v1.Signal.encode(started!.signal).finish());
    const fromPlain = qualify(null, null, started!);
    const fromDecoded = qualify(null, null, { ...started!, signal: decoded });
    expect(JSON.stringify(fromDecoded.state)).toBe(JSON.stringify(fromPlain.state));
  });
});

import { v1 } from '@warmline/contracts';
import { conversation } from './__fixtures__/conversation.js';
import { replay } from './__fixtures__/replay.js';
import { contextFromState } from './context-from-state.js';
import { QualificationContextInvalidError } from './errors.js';
import { markerOf } from './intent-queries.js';
import { newQualificationContext, parseQualificationContext } from './qualification-context.js';
import { qualify } from './qualify.js';

const busyCall = conversation([
  { amd: 'human', confidence: 0.6 },
  { agent: 'Would you like me to connect you to a specialist?' },
  { buyer: 'Yes, put me through.' },
  { buyer: "but it's too expensive", faults: [v1.SignalFault.SIGNAL_FAULT_ASR_LAG] },
  { interrupt: 'previous', by: 'buyer' },
  { silenceMs: 3_000 },
  { hangUp: 'buyer' },
]);

describe('QualificationContext', () => {
  it('survives a JSON round trip unchanged, and validates', () => {
    const { context } = replay(busyCall);
    const stored = JSON.parse(JSON.stringify(context));
    expect(stored).toEqual(context);
    expect(parseQualificationContext(stored)).toEqual(context);
  });

  it('is plain data: arrays and records only', () => {
    const { context } = replay(busyCall);
    const plain = (value: unknown): boolean =>
      value === null ||
      ['string', 'number', 'boolean'].includes(typeof value) ||
      (Array.isArray(value) && value.every(plain)) ||
      (typeof value === 'object' &&
        Object.getPrototypeOf(Object.getPrototypeOf(value)) === null &&
        Object.values(value as object).every(plain));
    expect(plain(context)).toBe(true);
  });

  it('refuses a stored context of another shape, naming the field', () => {
    const { context } = replay(busyCall);
    expect(() => parseQualificationContext({ ...context, schemaVersion: 2 })).toThrow(
      QualificationContextInvalidError,
    );
    expect(() =>
      parseQualificationContext({ ...context, cadence: { score: 3, observations: 1 } }),
    ).toThrow(/cadence\.score/);
    expect(() => parseQualificationContext('{}')).toThrow(QualificationContextInvalidError);
  });

  it('starts empty for a new interaction', () => {
    expect(newQualificationContext('call-9')).toMatchObject({
      interactionId: 'call-9',
      ordinal: 0,
      voicemail: false,
    });
  });

  it('does not apply a signal twice to a marker when the context was lost and the signal redelivered', () => {
    const { state } = replay(busyCall.slice(0, 5));
    const again = qualify(state, null, busyCall[4]!);
    expect(again.state.markers).toEqual(state.markers);
  });

  it('is rebuilt from the state when lost, keeping call health, open objections and validations', () => {
    const { state } = replay(busyCall);
    const rebuilt = contextFromState(state);
    expect(rebuilt).toMatchObject({
      amdUncertain: true,
      callEndedAtMs: expect.any(Number),
      openObjections: [{ objectionId: 'obj-price-1', raisedOrdinal: 0 }],
      validations: [{ kind: 'escalation_permission', signalId: 'sig-0005', segmentIds: ['seg-2'] }],
    });
    // An interruption of the validating segment still retracts, though the context was lost.
    const cut = qualify(state, null, {
      interactionId: 'call-1',
      occurredAtMs: busyCall.at(-1)!.occurredAtMs + 1_000,
      signal: {
        signalId: 'sig-cut',
        perception: {
          interruption: { by: v1.Speaker.SPEAKER_AGENT, interruptedSegmentId: 'seg-2' },
        },
      },
    });
    expect(markerOf(cut.state, 'escalation_permission').status).toBe(
      v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
    );
  });
});

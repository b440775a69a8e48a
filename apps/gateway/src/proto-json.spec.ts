import { toTimestamp, v1 } from '@warmline/contracts';
import { renderBytes, renderMessage } from './proto-json.js';

const T = Date.UTC(2026, 10, 24, 15, 4, 5, 120);

describe('renderMessage', () => {
  it('writes enums by name, timestamps as RFC 3339 (also nested and repeated) and leaves defaults out', () => {
    const state = v1.IntentState.create({
      interactionId: 'call-1',
      version: 3,
      updatedAt: toTimestamp(T),
      markers: [
        {
          kind: v1.MarkerKind.MARKER_KIND_TIMING_CONSENT,
          status: v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
          confidence: 0.5,
          changedAt: toTimestamp(T + 1_000),
          evidence: [{ signalId: 'sig-1', observedAt: toTimestamp(T - 1_000) }],
        },
      ],
      callHealth: { callEnded: false, amdConfidence: 0 },
    });
    expect(renderMessage(v1.IntentState, state)).toEqual({
      interactionId: 'call-1',
      version: 3,
      updatedAt: '2026-11-24T15:04:05.120Z',
      markers: [
        {
          kind: 'MARKER_KIND_TIMING_CONSENT',
          status: 'MARKER_STATUS_EXPLORATORY',
          confidence: 0.5,
          changedAt: '2026-11-24T15:04:06.120Z',
          evidence: [{ signalId: 'sig-1', observedAt: '2026-11-24T15:04:04.120Z' }],
        },
      ],
      callHealth: {},
    });
  });

  it('writes 64-bit integers as strings and bytes as base64', () => {
    const deadLetter = v1.DeadLetter.create({
      originalData: new Uint8Array([1, 2, 3]),
      streamSequence: 4_294_967_297,
    });
    const json = renderMessage(v1.DeadLetter, deadLetter);
    expect(json['originalData']).toBe('AQID');
    expect(json['streamSequence']).toBe('4294967297');
  });

  it('renders the same for decoded bytes and for a plain object', () => {
    const event = { handoffId: 'h-1', state: v1.HandoffState.HANDOFF_STATE_BRIDGED };
    const bytes = v1.HandoffEvent.encode(event).finish();
    expect(renderBytes(v1.HandoffEvent, bytes)).toEqual(renderMessage(v1.HandoffEvent, event));
    expect(renderBytes(v1.HandoffEvent, bytes)).toEqual({
      handoffId: 'h-1',
      state: 'HANDOFF_STATE_BRIDGED',
    });
  });
});

import { v1 } from '@warmline/contracts';
import { conversation } from './__fixtures__/conversation.js';
import { replay } from './__fixtures__/replay.js';
import { intentStateChanged } from './intent-change.js';
import { markerOf, openObjections, validatedMarkers } from './intent-queries.js';

const { state, changes } = replay(
  conversation([
    { agent: 'Would you like me to connect you to a specialist?' },
    { buyer: 'Yes, put me through.' },
    { agent: 'Shall I book the site survey?' },
    { buyer: 'Maybe.' },
    { buyer: "I'd need to ask my husband, and it's too expensive." },
    { agent: 'Zero down financing. Does that work for you?' },
    { buyer: 'Ok, that works for the price.' },
  ]),
);

describe('state queries', () => {
  it('markerOf finds a marker by enum or by name, and reports an unseen kind as ABSENT', () => {
    expect(markerOf(state, 'escalation_permission').status).toBe(
      v1.MarkerStatus.MARKER_STATUS_VALIDATED,
    );
    expect(markerOf(state, v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED).status).toBe(
      v1.MarkerStatus.MARKER_STATUS_EXPLORATORY,
    );
    expect(markerOf(state, 'scope_confirmed')).toEqual({
      kind: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
      status: v1.MarkerStatus.MARKER_STATUS_ABSENT,
      confidence: 0,
      evidence: [],
    });
  });

  it('validatedMarkers lists only VALIDATED markers', () => {
    expect(validatedMarkers(state).map((m) => m.kind)).toEqual([
      v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
    ]);
  });

  it('openObjections lists objections still raised', () => {
    expect(openObjections(state).map((o) => o.objectionId)).toEqual(['obj-authority-1']);
  });

  it('intentStateChanged builds the message to publish', () => {
    const change = changes.at(-1)!;
    expect(intentStateChanged(state, change)).toEqual({
      state,
      previousVersion: change.previousVersion,
      changedMarkers: [],
      changedObjectionIds: ['obj-price-1'],
      causeSignalId: 'sig-0009',
    });
    const decoded = v1.IntentStateChanged.decode(
      v1.IntentStateChanged.encode(intentStateChanged(state, change)).finish(),
    );
    expect(decoded.state?.version).toBe(state.version);
  });
});

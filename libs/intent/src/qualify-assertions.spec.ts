import { fromTimestamp, v1, type IIntentState } from '@warmline/contracts';
import { conversation, signalEvent, type Turn } from './__fixtures__/conversation.js';
import { replay } from './__fixtures__/replay.js';
import { SignalInvalidError } from './errors.js';
import { markerOf, openObjections } from './intent-queries.js';
import type { MarkerKindName } from './marker-kind.js';
import { qualify } from './qualify.js';

function status(state: IIntentState, kind: MarkerKindName): string {
  return v1.MarkerStatus[markerOf(state, kind).status ?? 0] ?? '?';
}

// A buyer utterance the extractor hears nothing in, so only the assertion can count.
const said: Turn = { buyer: 'Mm-hm, the whole thing, the big one, go on.' };

describe('qualify: structured assertions from the voice agent’s LLM', () => {
  it('validates a marker on a confident assertion quoting good buyer speech', () => {
    const { state } = replay(
      conversation([said, { assert: 'scope_confirmed', quote: 'the whole thing, the big one' }]),
    );
    expect(status(state, 'scope_confirmed')).toBe('MARKER_STATUS_VALIDATED');
    expect(markerOf(state, 'scope_confirmed').evidence?.[0]).toMatchObject({
      signalId: 'sig-0004',
      source: v1.EvidenceSource.EVIDENCE_SOURCE_ASSERTION,
      quote: 'the whole thing, the big one',
      segmentId: 'seg-1',
      confidence: 0.9,
    });
  });

  it('keeps it exploratory when the assertion is not confident enough or quotes nothing', () => {
    const weak = replay(
      conversation([said, { assert: 'scope_confirmed', quote: 'the big one', confidence: 0.5 }]),
    );
    expect(status(weak.state, 'scope_confirmed')).toBe('MARKER_STATUS_EXPLORATORY');
    const unquoted = replay(conversation([said, { assert: 'scope_confirmed', quote: '  ' }]));
    expect(status(unquoted.state, 'scope_confirmed')).toBe('MARKER_STATUS_EXPLORATORY');
  });

  it('cannot validate on a cited segment that was low-confidence, cut, or not the buyer’s', () => {
    const cases: Turn[][] = [
      [{ buyer: 'the big one', confidence: 0.4 }],
      [{ buyer: 'the big one', incomplete: true }],
      [{ agent: 'So the big one?' }],
    ];
    for (const turns of cases) {
      const { state } = replay(
        conversation([...turns, { assert: 'scope_confirmed', quote: 'the big one' }]),
      );
      expect(status(state, 'scope_confirmed')).toBe('MARKER_STATUS_EXPLORATORY');
    }
  });

  it('is never evidence when it cites voicemail speech or the call reached a machine', () => {
    const cited = replay(
      conversation([
        { voicemail: 'Hi, leave a message.' },
        { assert: 'escalation_permission', quote: 'yes' },
      ]),
    );
    expect(cited.state.markers).toEqual([]);
    const machine = replay(
      conversation([
        { amd: 'machine' },
        { assert: 'escalation_permission', quote: 'yes', segments: 'none' },
      ]),
    );
    expect(machine.state.markers).toEqual([]);
  });

  it('revokes a validated marker on an assertion of REVOKED status', () => {
    const { state } = replay(
      conversation([
        { agent: 'Would you like me to connect you to a specialist?' },
        { buyer: 'Yes, put me through.' },
        { buyer: 'Hold on a second.' },
        { assert: 'escalation_permission', status: 'revoked', quote: 'hold on', confidence: 0.6 },
      ]),
    );
    expect(status(state, 'escalation_permission')).toBe('MARKER_STATUS_REVOKED');
  });

  it('retracts an assertion-validated marker when an interruption cuts the segment it cites', () => {
    const { state } = replay(
      conversation([
        said,
        { assert: 'scope_confirmed', quote: 'the big one' },
        { interrupt: 'seg-1', by: 'agent' },
      ]),
    );
    expect(status(state, 'scope_confirmed')).toBe('MARKER_STATUS_EXPLORATORY');
  });

  it('sets the consent window from the quote of a validated timing assertion', () => {
    const { state } = replay(
      conversation([
        { buyer: 'uh, Thursday, after two-ish' },
        { assert: 'timing_consent', quote: 'Thursday, after two' },
      ]),
    );
    expect(fromTimestamp(state.consentWindow?.startAt ?? {})).toBe(Date.UTC(2026, 2, 5, 19, 0));
  });

  it('raises and resolves objections, ignoring a resolution of something never raised', () => {
    const { state } = replay(
      conversation([
        { buyer: 'hmm, the cost' },
        { assertObjection: 'Contract length', status: 'resolved', quote: 'ok' },
        { assertObjection: 'price', status: 'raised', quote: 'the cost', confidence: 0.3 },
        { agent: 'Zero down financing.' },
        { buyer: 'right, zero down, fine' },
        {
          assertObjection: 'price',
          status: 'resolved',
          quote: 'zero down, fine',
          resolution: 'zero-down financing accepted',
        },
      ]),
    );
    expect(state.objections).toEqual([
      expect.objectContaining({
        objectionId: 'obj-price-1',
        status: v1.ObjectionStatus.OBJECTION_STATUS_RESOLVED,
        resolution: 'zero-down financing accepted',
      }),
    ]);
  });

  it('refuses an assertion about both or neither of a marker and an objection', () => {
    const both = signalEvent({
      structuredAssertion: {
        markerKind: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
        markerStatus: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
        objectionTopic: 'price',
      },
    });
    expect(() => qualify(null, null, both)).toThrow(SignalInvalidError);
    const neither = signalEvent({ structuredAssertion: { buyerQuote: 'yes' } });
    expect(() => qualify(null, null, neither)).toThrow(
      /exactly one of marker_kind or objection_topic/,
    );
    const badTopic = signalEvent({ structuredAssertion: { objectionTopic: '???' } });
    expect(() => qualify(null, null, badTopic)).toThrow(SignalInvalidError);
  });

  it('leaves an objection open when its resolution assertion fails the gate', () => {
    const { state } = replay(
      conversation([
        { buyer: "it's too expensive" },
        { agent: 'Zero down financing.' },
        { buyer: 'fine' },
        { assertObjection: 'price', status: 'resolved', quote: 'fine', confidence: 0.4 },
      ]),
    );
    expect(openObjections(state).map((o) => o.objectionId)).toEqual(['obj-price-1']);
  });
});

import { v1 } from '@warmline/contracts';
import { conversation, type Turn } from './__fixtures__/conversation.js';
import { replay } from './__fixtures__/replay.js';
import { openObjections } from './intent-queries.js';

const { ObjectionStatus } = v1;

const priceResolved: Turn[] = [
  { buyer: "Honestly it's too expensive." }, // sig-0003
  { agent: 'We have financing with zero down. Does that work for you?' },
  { buyer: 'Ok, that works.' }, // sig-0005
];

describe('qualify: objections', () => {
  it('raises an objection and resolves it when the buyer accepts the agent’s answer', () => {
    const { state, changes } = replay(conversation(priceResolved));
    expect(state.objections).toEqual([
      expect.objectContaining({
        objectionId: 'obj-price-1',
        topic: 'price',
        status: ObjectionStatus.OBJECTION_STATUS_RESOLVED,
        raisedEvidence: expect.objectContaining({
          signalId: 'sig-0003',
          quote: "Honestly it's too expensive.",
        }),
        resolutionEvidence: expect.objectContaining({ signalId: 'sig-0005' }),
        resolution: 'accepted: We have financing with zero down. Does that work for you?',
      }),
    ]);
    expect(changes.map((c) => c.changedObjectionIds)).toContainEqual(['obj-price-1']);
    expect(openObjections(state)).toEqual([]);
  });

  it('opens a new entry when a resolved objection is raised again, but not while it is still open', () => {
    const { state } = replay(
      conversation([
        ...priceResolved,
        { buyer: 'Still, it is too expensive.' },
        { buyer: 'Way too expensive.' },
      ]),
    );
    expect(state.objections?.map((o) => [o.objectionId, o.status])).toEqual([
      ['obj-price-1', ObjectionStatus.OBJECTION_STATUS_RESOLVED],
      ['obj-price-2', ObjectionStatus.OBJECTION_STATUS_RAISED],
    ]);
  });

  it('does not resolve on a low-confidence acceptance', () => {
    const turns = [...priceResolved.slice(0, 2), { buyer: 'Ok, that works.', confidence: 0.4 }];
    expect(openObjections(replay(conversation(turns)).state).map((o) => o.topic)).toEqual([
      'price',
    ]);
  });

  it('reopens an objection whose acceptance was cut mid-sentence', () => {
    const { state } = replay(
      conversation([...priceResolved, { interrupt: 'previous', by: 'agent' }]),
    );
    expect(openObjections(state).map((o) => o.objectionId)).toEqual(['obj-price-1']);
    expect(state.objections?.[0]?.resolution).toBe('');
  });

  it('counts open objections as resistance', () => {
    const open = replay(conversation(priceResolved.slice(0, 1))).state;
    const resolved = replay(conversation(priceResolved)).state;
    expect(open.readiness?.components?.resistance).toBeCloseTo(0.3, 4);
    expect(resolved.readiness?.components?.resistance).toBe(0);
  });
});

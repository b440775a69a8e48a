import type { EventBus, PublishReceipt } from '@warmline/bus';
import { PublishFailedError } from '@warmline/bus';
import { publishInOrder } from './accepted-event.js';

function receipt(eventId: string, seq: number): PublishReceipt {
  return {
    eventId,
    seq,
    stream: 'WL_PERCEPTION',
    duplicate: false,
    subject: 's',
    domain: '',
  } as PublishReceipt;
}

/** A bus that acknowledges `ackFirst` publishes and then fails as a broker outage would. */
function busFailingAfter(ackFirst: number): { bus: EventBus; published: string[] } {
  const published: string[] = [];
  const bus = {
    publish: async (_family: string, _iid: string, init: { eventId: string }) => {
      if (published.length >= ackFirst) {
        throw new PublishFailedError('wl.perception.1.call-1', init.eventId, new Error('TIMEOUT'));
      }
      published.push(init.eventId);
      return receipt(init.eventId, published.length);
    },
  } as unknown as EventBus;
  return { bus, published };
}

const events = ['a', 'b', 'c'].map((eventId) => ({ eventId }));

describe('publishInOrder', () => {
  it('publishes one after the other and answers every acknowledgement', async () => {
    const { bus, published } = busFailingAfter(10);
    const accepted = await publishInOrder(bus, 'perception', 'call-1', events);
    expect(published).toEqual(['a', 'b', 'c']);
    expect(accepted.map((a) => [a.eventId, a.seq])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('turns a bus outage into a 503 that says how much was stored and stops there', async () => {
    const { bus, published } = busFailingAfter(1);
    await expect(publishInOrder(bus, 'perception', 'call-1', events)).rejects.toMatchObject({
      status: 503,
      code: 'BUS_UNAVAILABLE',
      message: expect.stringContaining('1 of 3 events were stored'),
    });
    expect(published).toEqual(['a']);
  });
});

import { v1 } from '@warmline/contracts';
import { closerFromPresence, isWorkingAt } from '@warmline/roster';
import { scenarioWith } from './__fixtures__/scenarios.js';
import {
  EXPECTED_CALL_PICKUP_MS,
  VOICEMAIL_PICKUP_MS,
  closerTalkTimeMs,
  deskResponse,
} from './closer-desk.js';
import { closersOf, type CloserSpec } from './closer-pool.js';
import { closerPresenceOf } from './closer-presence.js';
import { DEFAULT_SCENARIO } from './default-scenario.js';
import { Rng } from './rng.js';

const { CallProgressState } = v1;
const [BASE] = closersOf(DEFAULT_SCENARIO) as [CloserSpec];
const closer = (rates: Partial<CloserSpec>): CloserSpec => ({
  ...BASE,
  declineRate: 0,
  noAnswerRate: 0,
  voicemailRate: 0,
  ...rates,
});
const within = (value: number | null | undefined, [min, max]: readonly [number, number]) =>
  value != null && value >= min && value <= max;

describe('closer pool', () => {
  it('numbers a counted pool closer-01.. with the default traits', () => {
    const closers = closersOf(DEFAULT_SCENARIO);
    expect(closers.map((c) => c.id)).toEqual(
      Array.from({ length: 24 }, (_, i) => `closer-${String(i + 1).padStart(2, '0')}`),
    );
    expect(closers[0]).toEqual({
      ...DEFAULT_SCENARIO.closers.defaults,
      id: 'closer-01',
      displayName: 'Closer 01',
    });
  });

  it('lays each listed closer over the defaults', () => {
    const scenario = scenarioWith({
      closers: {
        defaults: DEFAULT_SCENARIO.closers.defaults,
        list: [
          { id: 'ana', displayName: 'Ana', languages: ['es-US', 'en-US'], capacity: 2 },
          { id: 'bo' },
        ],
      },
    });
    const [ana, bo] = closersOf(scenario);
    expect(ana).toEqual({
      ...DEFAULT_SCENARIO.closers.defaults,
      id: 'ana',
      displayName: 'Ana',
      languages: ['es-US', 'en-US'],
      capacity: 2,
    });
    expect(bo).toEqual({ ...DEFAULT_SCENARIO.closers.defaults, id: 'bo', displayName: 'bo' });
  });
});

describe('closerPresenceOf', () => {
  it('reports a presence the roster accepts, working at any time when hours are "always"', () => {
    const presence = closerPresenceOf(BASE, Date.UTC(2025, 0, 5, 3, 0));
    const roster = closerFromPresence(presence);
    expect(roster).toMatchObject({
      closerId: 'closer-01',
      presence: 'available',
      capacity: 1,
      address: 'sim:closer-01',
      skills: ['roofing'],
    });
    for (const at of [
      Date.UTC(2025, 0, 5, 3, 0),
      Date.UTC(2025, 0, 8, 12, 30),
      Date.UTC(2025, 6, 4, 23, 59),
    ]) {
      expect(isWorkingAt(roster, at)).toBe(true);
    }
  });

  it('turns weekly periods into one entry per day, and reports busy closers as busy', () => {
    const spec = {
      ...BASE,
      workingHours: [{ days: ['mon', 'fri'], start: '09:00', end: '17:30' }],
    } as CloserSpec;
    const presence = closerPresenceOf(spec, 0, 'busy');
    expect(presence.workingHours).toEqual([
      { weekday: 1, startMinute: 540, endMinute: 1050 },
      { weekday: 5, startMinute: 540, endMinute: 1050 },
    ]);
    expect(presence.presence).toBe(v1.CloserPresenceState.CLOSER_PRESENCE_STATE_BUSY);
    expect(closerFromPresence(presence).presence).toBe('busy');
  });
});

describe('deskResponse', () => {
  it('accepts a warm transfer on the desk after the answer delay, then picks up quickly', () => {
    const answer = deskResponse(closer({}), Rng.seeded(1), 'warm');
    expect(answer.response).toBe('accept');
    expect(answer.reservation?.accepted).toBe(true);
    expect(within(answer.reservation?.afterMs, [2_000, 8_000])).toBe(true);
    expect(answer.leg.state).toBe(CallProgressState.CALL_PROGRESS_STATE_ANSWERED);
    expect(within(answer.leg.afterMs, EXPECTED_CALL_PICKUP_MS)).toBe(true);
  });

  it('answers a cold transfer only on the phone, after the answer delay', () => {
    const answer = deskResponse(closer({}), Rng.seeded(1), 'cold');
    expect(answer.reservation).toBeNull();
    expect(answer.leg.state).toBe(CallProgressState.CALL_PROGRESS_STATE_ANSWERED);
    expect(within(answer.leg.afterMs, [2_000, 8_000])).toBe(true);
  });

  it('declines: rejects the reservation (warm) or the call (cold)', () => {
    const warm = deskResponse(closer({ declineRate: 1 }), Rng.seeded(2), 'warm');
    expect(warm.response).toBe('decline');
    expect(warm.reservation?.accepted).toBe(false);
    const cold = deskResponse(closer({ declineRate: 1 }), Rng.seeded(2), 'cold');
    expect(cold.leg.state).toBe(CallProgressState.CALL_PROGRESS_STATE_DECLINED);
  });

  it('does not answer: the reservation is left to time out and the leg rings out', () => {
    for (const mode of ['warm', 'cold'] as const) {
      const answer = deskResponse(closer({ noAnswerRate: 1 }), Rng.seeded(3), mode);
      expect(answer.response).toBe('no_answer');
      expect(answer.reservation).toBeNull();
      expect(answer.leg).toEqual({
        state: CallProgressState.CALL_PROGRESS_STATE_NO_ANSWER,
        afterMs: null,
      });
    }
  });

  it('sends the leg to voicemail after 15-25 s', () => {
    const answer = deskResponse(closer({ voicemailRate: 1 }), Rng.seeded(4), 'warm');
    expect(answer.response).toBe('voicemail');
    expect(answer.leg.state).toBe(CallProgressState.CALL_PROGRESS_STATE_VOICEMAIL);
    expect(within(answer.leg.afterMs, VOICEMAIL_PICKUP_MS)).toBe(true);
  });

  it('reacts in the proportions of the closer rates', () => {
    const rng = Rng.seeded(5);
    const spec = closer({ declineRate: 0.2, noAnswerRate: 0.1, voicemailRate: 0.1 });
    const counts: Record<string, number> = {};
    for (let i = 0; i < 10_000; i++) {
      const { response } = deskResponse(spec, rng);
      counts[response] = (counts[response] ?? 0) + 1;
    }
    expect(counts.decline! / 10_000).toBeCloseTo(0.2, 1);
    expect(counts.no_answer! / 10_000).toBeCloseTo(0.1, 1);
    expect(counts.voicemail! / 10_000).toBeCloseTo(0.1, 1);
    expect(counts.accept! / 10_000).toBeCloseTo(0.6, 1);
  });

  it("keeps a bridged closer busy for the scenario's talk time", () => {
    const rng = Rng.seeded(6);
    for (let i = 0; i < 100; i++)
      expect(within(closerTalkTimeMs(BASE, rng), [120_000, 300_000])).toBe(true);
  });
});

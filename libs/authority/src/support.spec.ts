import { manualClock, systemClock } from './clock.js';
import {
  AuthorityConfigError,
  GrantExpiredError,
  isAuthorityError,
  isGrantRefused,
} from './errors.js';
import { grantIdempotencyKey } from './idempotency.js';
import { SCOPES, isScopeName } from './scopes.js';

describe('grantIdempotencyKey', () => {
  it('is the grant id, or the grant id and the attempt', () => {
    expect(grantIdempotencyKey({ grantId: 'g-1' })).toBe('g-1');
    expect(grantIdempotencyKey({ grantId: 'g-1' }, 2)).toBe('g-1.2');
  });

  it('keeps attempts of different grants apart', () => {
    expect(grantIdempotencyKey({ grantId: 'g-1' }, 12)).not.toBe(
      grantIdempotencyKey({ grantId: 'g-11' }, 2),
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses attempt %p', (attempt) => {
    expect(() => grantIdempotencyKey({ grantId: 'g-1' }, attempt)).toThrow(RangeError);
  });
});

describe('clocks', () => {
  it('a manual clock moves only when told to', () => {
    const clock = manualClock(1_000);
    expect(clock()).toBe(1_000);
    clock.advance(250);
    expect(clock()).toBe(1_250);
    clock.set(10);
    expect(clock()).toBe(10);
    expect(() => clock.set(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('the system clock reads the wall clock', () => {
    const before = Date.now();
    const now = systemClock();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('SCOPES', () => {
  it('holds the grant scopes and every bus publish scope of docs/bus.md', () => {
    expect(SCOPES).toEqual({
      transferLive: 'transfer.live',
      appointmentBook: 'appointment.book',
      perceptionPublish: 'perception.publish',
      signalPublish: 'signal.publish',
      intentPublish: 'intent.publish',
      decisionPublish: 'decision.publish',
      handoffPublish: 'handoff.publish',
      telephonyCommand: 'telephony.command',
      telephonyReport: 'telephony.report',
      reservationRespond: 'reservation.respond',
      appointmentPublish: 'appointment.publish',
      closerPresence: 'closer.presence',
      deadletterPublish: 'deadletter.publish',
    });
  });

  it('are all well-formed scope names', () => {
    expect(Object.values(SCOPES).filter((scope) => !isScopeName(scope))).toEqual([]);
    expect(isScopeName('transfer')).toBe(false);
    expect(isScopeName('Transfer.Live')).toBe(false);
  });
});

describe('error helpers', () => {
  it('tell refusals from configuration errors', () => {
    const refusal = new GrantExpiredError('g-1', 0, 5_000, 2_000);
    const config = new AuthorityConfigError('maxClockSkewMs', 'too big');

    expect([isAuthorityError(refusal), isGrantRefused(refusal)]).toEqual([true, true]);
    expect([isAuthorityError(config), isGrantRefused(config)]).toEqual([true, false]);
    expect([isAuthorityError(new Error('x')), isGrantRefused(undefined)]).toEqual([false, false]);
    expect(refusal.name).toBe('GrantExpiredError');
  });
});

import { PermanentHandlerError } from './errors.js';
import { exponentialBackoff, redeliveryDelayMs, retryPolicy } from './retry-policy.js';
import { decideSettlement } from './settlement.js';

const policy = retryPolicy({ maxDeliver: 4, backoffMs: [100, 200, 400] });

describe('retry policy', () => {
  it('doubles the delay per delivery up to the cap', () => {
    expect(exponentialBackoff(1_000, 5_000, 5)).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('repeats the last delay beyond the list', () => {
    expect([1, 2, 3, 4, 9].map((n) => redeliveryDelayMs(policy, n))).toEqual([
      100, 200, 400, 400, 400,
    ]);
  });

  it('refuses a policy that could never deliver', () => {
    expect(() => retryPolicy({ maxDeliver: 0 })).toThrow(/maxDeliver/);
    expect(() => retryPolicy({ backoffMs: [] })).toThrow(/backoffMs/);
  });
});

describe('decideSettlement', () => {
  it('acks a handled message', () => {
    expect(decideSettlement({ kind: 'handled' }, 1, policy)).toEqual({ action: 'ack' });
  });

  it('naks a failed handler with the backoff of its delivery while deliveries remain', () => {
    const failed = { kind: 'failed', error: new Error('db down') } as const;
    expect(decideSettlement(failed, 1, policy)).toEqual({ action: 'nak', delayMs: 100 });
    expect(decideSettlement(failed, 3, policy)).toEqual({ action: 'nak', delayMs: 400 });
  });

  it('dead-letters on the last delivery with the error text', () => {
    expect(decideSettlement({ kind: 'failed', error: new Error('db down') }, 4, policy)).toEqual({
      action: 'dead-letter',
      reason: 'MAX_DELIVERIES_EXCEEDED',
      error: 'failed on delivery 4 of 4: Error: db down',
      errorCode: 'Error',
    });
  });

  it('dead-letters a permanent handler error at once', () => {
    const outcome = { kind: 'failed', error: new PermanentHandlerError('grant expired') } as const;
    expect(decideSettlement(outcome, 1, policy)).toMatchObject({
      action: 'dead-letter',
      reason: 'HANDLER_FAILED',
      errorCode: 'HANDLER_PERMANENT_FAILURE',
    });
  });

  it('dead-letters an event a handler found invalid with VALIDATION_FAILED and its field code', () => {
    const error = new PermanentHandlerError('asr_confidence must be within 0..1, got 1.7', {
      reason: 'VALIDATION_FAILED',
      errorCode: 'PERCEPTION_EVENT_INVALID',
    });
    expect(decideSettlement({ kind: 'failed', error }, 1, policy)).toMatchObject({
      action: 'dead-letter',
      reason: 'VALIDATION_FAILED',
      errorCode: 'PERCEPTION_EVENT_INVALID',
      error: expect.stringContaining('asr_confidence must be within 0..1'),
    });
  });

  it('dead-letters a rejected message with its reason', () => {
    const outcome = { kind: 'rejected', reason: 'SCOPE_DENIED', error: 'no scope' } as const;
    expect(decideSettlement(outcome, 1, policy)).toEqual({
      action: 'dead-letter',
      reason: 'SCOPE_DENIED',
      error: 'no scope',
      errorCode: 'SCOPE_DENIED',
    });
  });
});

import { CampaignAbort } from './campaign-abort.js';
import { ConcurrencyGate } from './concurrency-gate.js';

describe('ConcurrencyGate', () => {
  it('lets `limit` calls in and the next ones in arrival order as slots free', async () => {
    const gate = new ConcurrencyGate(2);
    const admitted: number[] = [];
    const entries = [1, 2, 3, 4].map((n) => gate.acquire().then(() => admitted.push(n)));
    await Promise.resolve();
    await Promise.resolve();
    expect(admitted).toEqual([1, 2]);
    gate.release();
    await entries[2];
    expect(admitted).toEqual([1, 2, 3]);
    expect(gate.active).toBe(2);
    gate.release();
    gate.release();
    gate.release();
    await Promise.all(entries);
    expect(gate.active).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyGate(0)).toThrow(/concurrency limit must be a whole number ≥ 1/);
  });
});

describe('CampaignAbort', () => {
  it('fails whatever the campaign waits on with the first error only', async () => {
    const abort = new CampaignAbort();
    const waiting = abort.guard(new Promise(() => undefined));
    abort.fail(new Error('publish refused'));
    abort.fail(new Error('later'));
    await expect(waiting).rejects.toThrow('publish refused');
    await expect(abort.guard(Promise.resolve(1))).resolves.toBe(1);
  });
});

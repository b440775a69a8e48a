import { eventually } from './eventually.js';

describe('eventually', () => {
  it('returns the first value the condition accepts', async () => {
    let n = 0;
    await expect(
      eventually(
        () => ++n,
        (v) => v >= 3,
      ),
    ).resolves.toBe(3);
  });

  it('fails after the timeout with the last value it saw', async () => {
    await expect(
      eventually(
        () => 'still pending',
        (v) => v === 'done',
        200,
      ),
    ).rejects.toThrow(/within 200 ms; last value: "still pending"/);
  });
});

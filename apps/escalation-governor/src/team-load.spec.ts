import { DEFAULT_POLICY } from '@warmline/policy';
import fc from 'fast-check';
import { controlsOf, teamKey, withClaim, withRelease, type TeamLoad } from './team-load.js';

const T0 = Date.UTC(2025, 5, 2, 15);
const transfer = (n: number, expiresAtMs = T0 + 120_000) => ({
  grantId: `g-${n}`,
  interactionId: `ix-${n}`,
  expiresAtMs,
});

describe('team load', () => {
  it('counts nothing for a team that never escalated', () => {
    expect(controlsOf(null, 4, T0)).toEqual({
      escalationsInWindow: 0,
      availableClosers: 4,
      pendingTransfers: 0,
    });
  });

  it('counts a claimed transfer in the minute window and as pending until it expires', () => {
    const load = withClaim(null, transfer(1, T0 + 30_000), DEFAULT_POLICY, T0);
    expect(controlsOf(load, 2, T0 + 1)).toMatchObject({
      escalationsInWindow: 1,
      pendingTransfers: 1,
    });
    expect(controlsOf(load, 2, T0 + 30_000)).toMatchObject({
      escalationsInWindow: 1,
      pendingTransfers: 0,
    });
    expect(controlsOf(load, 2, T0 + 60_000)).toMatchObject({ escalationsInWindow: 0 });
  });

  it('releases a pending transfer once; releasing an unknown one changes nothing', () => {
    const load = withClaim(
      withClaim(null, transfer(1), DEFAULT_POLICY, T0),
      transfer(2),
      DEFAULT_POLICY,
      T0,
    );
    const released = withRelease(load, 'g-1', T0 + 1)!;
    expect(released.pending.map((p) => p.grantId)).toEqual(['g-2']);
    expect(controlsOf(released, 2, T0 + 1).escalationsInWindow).toBe(2);
    expect(withRelease(released, 'g-1', T0 + 1)).toBeNull();
    expect(withRelease(null, 'g-1', T0)).toBeNull();
  });

  it('keeps one pending entry per grant and as many window instants as claims (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 20 }), (grants) => {
        let load: TeamLoad | null = null;
        grants.forEach((n, i) => {
          load = withClaim(load, transfer(n), DEFAULT_POLICY, T0 + i);
        });
        const controls = controlsOf(load, 1, T0 + grants.length);
        expect(controls.pendingTransfers).toBe(new Set(grants).size);
        expect(controls.escalationsInWindow).toBe(grants.length);
      }),
    );
  });

  it('keys the checkpoint by team', () => {
    expect(teamKey('solar')).toBe('escalation-governor.team.solar');
  });
});

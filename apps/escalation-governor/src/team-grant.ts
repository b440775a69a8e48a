// A live-transfer grant counted in its team's pending transfers until it connects, fails, falls
// back, is revoked or expires.
import type { ActiveGrant } from '@warmline/policy';
import type { GrantInForce } from './governed-interaction.js';

/** A live-transfer grant and the team it counts against. */
export interface TeamGrant {
  readonly team: string;
  readonly grantId: string;
}

/** The team entry a grant that just ended frees: only live transfers are counted per team. */
export function teamGrantOf(grant: GrantInForce | null, active: ActiveGrant | null): TeamGrant[] {
  if (!grant || active?.action !== 'live_transfer' || active.grantId !== grant.grantId) return [];
  return [{ team: grant.team, grantId: grant.grantId }];
}

// The team checkpoints over the store: read a team's load for a decision, claim a live transfer at
// exactly the revision the decision saw (compare-and-set), release it when the transfer ends.
import { Inject, Injectable } from '@nestjs/common';
import { AGENT_LOGGER, STORE, type AgentLogger } from '@warmline/agent-runtime';
import type { CampaignPolicy } from '@warmline/policy';
import { isStoreError, type WarmlineStore } from '@warmline/store';
import {
  teamKey,
  withClaim,
  withRelease,
  type PendingTransfer,
  type TeamLoad,
} from './team-load.js';
import type { TeamGrant } from './team-grant.js';

/** A team's load as read, with the revision a claim must still find. */
export interface TeamSnapshot {
  readonly team: string;
  readonly load: TeamLoad | null;
  readonly revision: number | null;
}

/** Releases retried against concurrent writers before giving up (the entry then expires). */
const MAX_RELEASE_ATTEMPTS = 10;

@Injectable()
export class TeamCapacity {
  constructor(
    @Inject(STORE) private readonly store: WarmlineStore,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
  ) {}

  /** The team's load now. */
  async snapshot(team: string): Promise<TeamSnapshot> {
    const stored = await this.store.checkpoints.get(teamKey(team));
    return stored === null
      ? { team, load: null, revision: null }
      : { team, load: decode(stored.value), revision: stored.revision };
  }

  /**
   * Records `transfer` if the team's load is still the one in `seen`; false when another replica
   * changed it since (decide again on the new load).
   */
  async claim(
    seen: TeamSnapshot,
    transfer: PendingTransfer,
    policy: CampaignPolicy,
    nowMs: number,
  ): Promise<boolean> {
    const next = withClaim(seen.load, transfer, policy, nowMs);
    try {
      await this.store.checkpoints.put(teamKey(seen.team), encode(next), seen.revision);
      return true;
    } catch (err) {
      if (isStoreError(err, 'STALE_CHECKPOINT')) return false;
      throw err;
    }
  }

  /**
   * Stops counting ended live transfers as pending. Best effort: an entry that cannot be removed
   * now (store unavailable, endless contention) stops counting when its grant expires.
   */
  async release(grants: readonly TeamGrant[]): Promise<void> {
    for (const { team, grantId } of grants) {
      try {
        await this.releaseOne(team, grantId, Date.now());
      } catch (err) {
        this.logger.warn({
          msg: 'pending transfer not released; it expires',
          team,
          grantId,
          err: String(err),
        });
      }
    }
  }

  private async releaseOne(team: string, grantId: string, nowMs: number): Promise<void> {
    for (let attempt = 1; attempt <= MAX_RELEASE_ATTEMPTS; attempt++) {
      const seen = await this.snapshot(team);
      const next = withRelease(seen.load, grantId, nowMs);
      if (next === null) return;
      try {
        await this.store.checkpoints.put(teamKey(team), encode(next), seen.revision);
        return;
      } catch (err) {
        if (!isStoreError(err, 'STALE_CHECKPOINT')) throw err;
      }
    }
  }
}

function encode(load: TeamLoad): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(load));
}

function decode(value: Uint8Array): TeamLoad {
  return JSON.parse(new TextDecoder().decode(value)) as TeamLoad;
}

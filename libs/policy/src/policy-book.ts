// The governor's set of policies, resolved by campaign. Resolution is unambiguous by construction:
// a campaign named by two policies, two "*" policies or two policies sharing an id are refused.
import { PolicyConflictError } from './errors.js';
import type { CampaignPolicy } from './policy-schema.js';

/** Campaign policies by campaign id; a "*" policy covers every campaign not named elsewhere. */
export class PolicyBook {
  private readonly byCampaign = new Map<string, CampaignPolicy>();
  private readonly fallback: CampaignPolicy | null;

  /** Throws PolicyConflictError when two policies share an id or claim the same campaign. */
  constructor(readonly policies: readonly CampaignPolicy[]) {
    const ids = new Set<string>();
    let wildcard: CampaignPolicy | null = null;
    for (const policy of policies) {
      if (ids.has(policy.id))
        throw new PolicyConflictError(`two policies have the id ${policy.id}`);
      ids.add(policy.id);
      for (const campaign of policy.campaigns) {
        const holder = campaign === '*' ? wildcard : (this.byCampaign.get(campaign) ?? null);
        if (holder) {
          throw new PolicyConflictError(
            `policies ${holder.id} and ${policy.id} both apply to campaign ${campaign}`,
          );
        }
        if (campaign === '*') wildcard = policy;
        else this.byCampaign.set(campaign, policy);
      }
    }
    this.fallback = wildcard;
  }

  /** The policy for `campaignId`: the one naming it, else the "*" policy, else null (→ DENY POLICY_NOT_FOUND). */
  policyFor(campaignId: string): CampaignPolicy | null {
    return this.byCampaign.get(campaignId) ?? this.fallback;
  }
}

// Qualification's rules per campaign: the evidence floors come from the campaign policy (the same files
// the governor reads), the rest from @warmline/intent's defaults. Read once at start-up.
import { readPolicyBook } from '@warmline/agent-runtime';
import {
  DEFAULT_QUALIFICATION_RULES,
  qualificationRules,
  type QualificationRules,
} from '@warmline/intent';
import type { PolicyBook } from '@warmline/policy';

export interface QualificationSettings {
  /** The rules for a campaign ('' before CallStarted named one): its policy's floors, or the defaults. */
  rulesFor(campaignId: string): QualificationRules;
}

/** WARMLINE_POLICY_FILES (see @warmline/agent-runtime readPolicyBook). */
export function readQualificationSettings(env: NodeJS.ProcessEnv): QualificationSettings {
  return settingsFrom(readPolicyBook(env));
}

/** Rules derived from a policy book, computed once per campaign. */
export function settingsFrom(book: PolicyBook): QualificationSettings {
  const cache = new Map<string, QualificationRules>();
  return {
    rulesFor(campaignId) {
      const cached = cache.get(campaignId);
      if (cached) return cached;
      const policy = campaignId === '' ? null : book.policyFor(campaignId);
      const rules = policy
        ? qualificationRules({
            minAsrConfidence: policy.signalQuality.minAsrConfidence,
            minAssertionConfidence: policy.signalQuality.minAssertionConfidence,
            minAmdConfidence: policy.signalQuality.minAmdConfidence,
            halfLifeMs: policy.controls.readinessHalfLifeMs,
          })
        : DEFAULT_QUALIFICATION_RULES;
      cache.set(campaignId, rules);
      return rules;
    },
  };
}

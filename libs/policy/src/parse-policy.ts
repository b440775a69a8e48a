// Reads a policy document (YAML or JSON) into a validated, frozen CampaignPolicy, or fails with
// every problem at once so a policy author fixes the file in one pass.
import { readDocument, type DocumentFormat } from './document-reader.js';
import { PolicyInvalidError } from './errors.js';
import { policyRuleProblems } from './policy-rules.js';
import { campaignPolicySchema, type CampaignPolicy } from './policy-schema.js';

/** The formats parsePolicy reads. */
export type PolicyFormat = DocumentFormat;

/**
 * Parses and validates a policy document. `source` names the document in error messages (a file
 * name such as "default.policy.yaml"). Throws PolicyInvalidError listing every problem: syntax
 * errors with their line, then wrong types, unknown keys and out-of-range values with their path,
 * then broken cross-field rules (see the README).
 */
export function parsePolicy(text: string, format: PolicyFormat, source: string): CampaignPolicy {
  return readDocument<CampaignPolicy>(text, format, {
    noun: 'policy',
    schema: campaignPolicySchema,
    rules: policyRuleProblems,
    invalid: (problems) => new PolicyInvalidError(source, problems),
  });
}

// Editor validation for policy authors: the JSON Schema of the policy document, generated from the
// same zod schema parsePolicy uses. policies/policy.schema.json is this output, kept in sync by a spec.
import { z } from 'zod';
import { campaignPolicySchema } from './policy-schema.js';

/** JSON Schema (draft 2020-12) of a campaign policy document. Cross-field rules are not expressible in it. */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(campaignPolicySchema, { target: 'draft-2020-12' }),
    $id: 'https://warmline.dev/schemas/campaign-policy.v1.json',
    title: 'Warmline campaign policy',
  };
}

// Edited copies of the default policy for specs. Leaves are `unknown` so a spec can also write
// values of the wrong type, which is exactly what the validation specs need.
import { stringify } from 'yaml';
import { DEFAULT_POLICY } from '../default-policy.js';
import { parsePolicy } from '../parse-policy.js';
import type { CampaignPolicy } from '../policy-schema.js';

type Loose<T> = T extends readonly (infer E)[]
  ? Loose<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Loose<T[K]> } & Record<string, unknown>
    : unknown;

/** A writable copy of the default policy. */
export type PolicyDraft = Loose<CampaignPolicy>;

/** The default policy with `edit` applied, as YAML text (not validated). */
export function editedPolicyYaml(edit: (draft: PolicyDraft) => void): string {
  const draft = structuredClone(DEFAULT_POLICY) as PolicyDraft;
  edit(draft);
  return stringify(draft);
}

/** The default policy with `edit` applied, validated (throws PolicyInvalidError when it is not). */
export function editedPolicy(edit: (draft: PolicyDraft) => void): CampaignPolicy {
  return parsePolicy(editedPolicyYaml(edit), 'yaml', 'edited.policy.yaml');
}

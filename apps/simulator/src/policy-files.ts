// The policy files a campaign needs come from @warmline/simulation (the launcher writes the same ones);
// the simulator's CLI writes them with --write-policies.
import { DEFAULT_POLICY } from '@warmline/policy';
import { policyFilesFor as filesFor, type PolicyFile, type Scenario } from '@warmline/simulation';

export type { PolicyFile };

/** One YAML policy file per mode of `scenario`, from the shipped default policy. */
export function policyFilesFor(scenario: Scenario): PolicyFile[] {
  return filesFor(DEFAULT_POLICY, scenario);
}

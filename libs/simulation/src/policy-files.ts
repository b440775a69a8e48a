// The policy files a campaign needs: one per mode of the scenario, each the shipped default policy
// with the mode's overrides and its own campaign id. The governor (and perception, qualification)
// read them at start-up from WARMLINE_POLICY_FILES, so whoever starts the stack writes them first.
import { stringify } from 'yaml';
import { campaignIdFor, policyDocumentFor, type PolicyDocument } from './policy-overrides.js';
import type { Scenario } from './scenario-schema.js';
import type { SimulationMode } from './vocabulary.js';

/** One policy file to write. */
export interface PolicyFile {
  /** `<campaignId>.policy.yaml`, e.g. `sim-roofing-warm.policy.yaml`. */
  readonly fileName: string;
  /** The YAML document. */
  readonly text: string;
  readonly mode: SimulationMode;
  /** The campaign the mode's calls carry (`campaignIdFor(scenario, mode)`). */
  readonly campaignId: string;
}

/**
 * One YAML policy file per mode of `scenario`, in the scenario's order: `base` (the shipped default
 * policy, usually) with the
 * mode's overrides and the scenario's `policy.<mode>` (policyDocumentFor), `id`, `campaigns` and
 * `team` set to campaignIdFor(scenario, mode) — `<campaignId>-<mode>` when the scenario has several
 * modes.
 */
export function policyFilesFor<T extends PolicyDocument>(
  base: T,
  scenario: Scenario,
): PolicyFile[] {
  return scenario.modes.map((mode) => {
    const campaignId = campaignIdFor(scenario, mode);
    const document = policyDocumentFor(base, scenario, mode);
    const header =
      `# Warmline simulator: the ${mode} policy of campaign ${campaignId} (scenario ` +
      `${scenario.campaignId}, seed ${scenario.seed}). Written by policyFilesFor; do not edit.\n`;
    return {
      fileName: `${campaignId}.policy.yaml`,
      text: header + stringify(document),
      mode,
      campaignId,
    };
  });
}

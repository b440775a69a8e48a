// Writes the policy files of a scenario (policyFilesFor) into a folder, for whoever starts the stack.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Scenario } from '@warmline/simulation';
import { policyFilesFor } from './policy-files.js';

/**
 * Writes one `<campaignId>.policy.yaml` per mode of `scenario` into `dir` (created if missing);
 * returns their absolute paths in the scenario's mode order (join them with commas for
 * WARMLINE_POLICY_FILES).
 */
export function writePolicyFiles(scenario: Scenario, dir: string): string[] {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  return policyFilesFor(scenario).map((file) => {
    const path = join(folder, file.fileName);
    writeFileSync(path, file.text);
    return path;
  });
}

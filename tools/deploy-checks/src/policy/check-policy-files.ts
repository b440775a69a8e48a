// The campaign policies the deployment ships (the ConfigMap behind WARMLINE_POLICY_FILES), parsed
// exactly as the agents parse them at start-up: a policy the governor would refuse fails CI instead.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parsePolicy, PolicyInvalidError } from '@warmline/policy';
import type { Finding } from '../finding.js';

/** Findings for every policy file that does not parse or breaks a policy rule. */
export function checkPolicyFiles(files: readonly string[]): Finding[] {
  return files.flatMap((file) => {
    const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
    try {
      parsePolicy(readFileSync(file, 'utf8'), format, file);
      return [];
    } catch (error) {
      if (!(error instanceof PolicyInvalidError)) throw error;
      return error.lines.map((message) => ({ file, rule: 'campaign-policy', message }));
    }
  });
}

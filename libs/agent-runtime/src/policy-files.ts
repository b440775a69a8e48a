// The campaign policies an agent applies, read once at start-up from WARMLINE_POLICY_FILES (comma-
// separated YAML or JSON files); the shipped default policy when unset. Every agent that needs a
// policy (perception and qualification for their quality floors, the governor for its decisions)
// reads the same files, so one file changes the whole campaign.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DEFAULT_POLICY, parsePolicy, PolicyBook, type CampaignPolicy } from '@warmline/policy';
import { AgentConfigError } from './config-error.js';

/** The policies of WARMLINE_POLICY_FILES as a book; throws AgentConfigError naming the bad file. */
export function readPolicyBook(env: NodeJS.ProcessEnv): PolicyBook {
  const files = (env['WARMLINE_POLICY_FILES'] ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (files.length === 0) return new PolicyBook([DEFAULT_POLICY]);
  const policies = files.map((file) => readPolicyFile(file));
  try {
    return new PolicyBook(policies);
  } catch (err) {
    throw new AgentConfigError('WARMLINE_POLICY_FILES', (err as Error).message);
  }
}

function readPolicyFile(file: string): CampaignPolicy {
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AgentConfigError(
      'WARMLINE_POLICY_FILES',
      `cannot read ${file}: ${(err as Error).message}`,
    );
  }
  try {
    return parsePolicy(text, format, file);
  } catch (err) {
    throw new AgentConfigError('WARMLINE_POLICY_FILES', (err as Error).message);
  }
}

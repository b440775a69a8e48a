// The campaign policies an agent applies, read once at start-up from WARMLINE_POLICY_FILES (comma-
// separated YAML or JSON files); the shipped default policy when unset. Every agent that needs a
// policy (perception and qualification for their quality floors, the governor for its decisions)
// reads the same files, so one file changes the whole campaign. A bad file stops the process with
// every problem, its file and line.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { AgentConfigError } from './config-error.js';
import {
  DEFAULT_POLICY,
  PolicyBook,
  isPolicyLibError,
  parsePolicy,
  type CampaignPolicy,
  type PolicyFormat,
} from '@warmline/policy';

/** The variable listing the policy files (comma-separated paths). */
export const POLICY_FILES_VARIABLE = 'WARMLINE_POLICY_FILES';

/** Reads a file's text; injected so tests need no files. */
export type ReadText = (path: string) => string;

/**
 * The PolicyBook of the files listed in `WARMLINE_POLICY_FILES` (`.yaml`, `.yml` or `.json`), or
 * of DEFAULT_POLICY alone when the variable is unset or empty. Throws AgentConfigError naming the
 * variable and the file for an unreadable, invalid or conflicting policy.
 */
export function readPolicyBook(
  env: NodeJS.ProcessEnv,
  readText: ReadText = (path) => readFileSync(path, 'utf8'),
): PolicyBook {
  const paths = (env[POLICY_FILES_VARIABLE] ?? '')
    .split(',')
    .map((path) => path.trim())
    .filter((path) => path !== '');
  const policies =
    paths.length === 0 ? [DEFAULT_POLICY] : paths.map((p) => readPolicy(p, readText));
  try {
    return new PolicyBook(policies);
  } catch (err) {
    if (!isPolicyLibError(err)) throw err;
    throw new AgentConfigError(POLICY_FILES_VARIABLE, err.message);
  }
}

function readPolicy(path: string, readText: ReadText): CampaignPolicy {
  const format = formatOf(path);
  let text: string;
  try {
    text = readText(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AgentConfigError(POLICY_FILES_VARIABLE, `cannot read ${path}: ${reason}`);
  }
  try {
    return parsePolicy(text, format, path);
  } catch (err) {
    if (!isPolicyLibError(err)) throw err;
    throw new AgentConfigError(POLICY_FILES_VARIABLE, err.message);
  }
}

function formatOf(path: string): PolicyFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  if (extension === '.json') return 'json';
  throw new AgentConfigError(
    POLICY_FILES_VARIABLE,
    `${path} must end in .yaml, .yml or .json to say how it is written`,
  );
}

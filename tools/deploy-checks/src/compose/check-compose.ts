// The compose check: Debian's docker-compose 1.29.2 resolves and validates the file offline with the
// committed env example (so every required variable must be in it), then the policy runs on what it
// resolved (anchors merged, variables substituted).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Finding } from '../finding.js';
import {
  composePolicyFindings,
  envExamplePlaceholderFindings,
  type ComposeService,
} from './compose-policy.js';
import { parseEnvFile } from './env-file.js';

/** Every finding for `composeFile` resolved with `envFile`. */
export function checkCompose(
  composeFile: string,
  envFile: string,
  dockerCompose = 'docker-compose',
): Finding[] {
  const placeholders = envExamplePlaceholderFindings(
    envFile,
    parseEnvFile(readFileSync(envFile, 'utf8')),
  );
  let resolved: string;
  try {
    resolved = execFileSync(dockerCompose, ['--env-file', envFile, '-f', composeFile, 'config'], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const stderr = String(
      (error as { stderr?: unknown }).stderr ?? (error as Error).message,
    ).trim();
    return [...placeholders, { file: composeFile, rule: 'compose-config', message: stderr }];
  }
  const services =
    (parse(resolved) as { services?: Record<string, ComposeService> }).services ?? {};
  return [...placeholders, ...composePolicyFindings(composeFile, services)];
}

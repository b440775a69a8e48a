// Rendering with the kustomize built into kubectl (offline, no cluster needed). The manifests use
// kustomize v4+ fields (`labels`, `patches`, directories in `resources`); kubectl 1.21+ embeds such a
// kustomize, Debian's kubernetes-client 1.20 does not (kustomize v2.0.3), so the version is checked.
import { execFileSync } from 'node:child_process';
import { ToolUnavailableError } from '../errors.js';
import type { Finding } from '../finding.js';

const MINIMUM_KUSTOMIZE_MAJOR = 4;

/** kubectl's embedded kustomize version, e.g. "v5.5.0"; throws when kubectl is missing or too old. */
export function kustomizeVersion(kubectl = 'kubectl'): string {
  let output: string;
  try {
    output = execFileSync(kubectl, ['version', '--client'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (cause) {
    throw new ToolUnavailableError(kubectl, 'cannot run `kubectl version --client`', { cause });
  }
  const version = /Kustomize Version:\s*(v?(\d+)\.\d+\.\d+)/.exec(output);
  if (version === null || Number(version[2]) < MINIMUM_KUSTOMIZE_MAJOR) {
    throw new ToolUnavailableError(
      kubectl,
      `needs an embedded kustomize v${MINIMUM_KUSTOMIZE_MAJOR}+ (kubectl 1.21 or newer); found ${version?.[1] ?? 'none'}`,
    );
  }
  return version[1] as string;
}

/** The rendered YAML of a kustomization directory, or the finding explaining why it did not render. */
export function renderKustomization(
  directory: string,
  kubectl = 'kubectl',
): { yaml: string } | { finding: Finding } {
  try {
    return {
      yaml: execFileSync(kubectl, ['kustomize', directory], { encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (error) {
    const stderr = String(
      (error as { stderr?: unknown }).stderr ?? (error as Error).message,
    ).trim();
    return { finding: { file: directory, rule: 'kustomize', message: stderr } };
  }
}

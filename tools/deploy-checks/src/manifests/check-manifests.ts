// The manifest check: rendered objects against their kinds' schemas, then against the exact fields
// their kinds allow, then against Warmline's workload policy.
import type { Finding } from '../finding.js';
import { unknownFieldFindings, type TypedManifest } from './known-fields.js';
import { readManifests } from './manifest-documents.js';
import { validateSchema } from './schema-validation.js';
import { workloadPolicyFindings } from './workload-policy.js';

/** Every finding for one rendered manifest stream (`kubectl kustomize` output). */
export async function checkManifests(file: string, text: string): Promise<Finding[]> {
  const { manifests, findings } = readManifests(file, text);
  const typed: TypedManifest[] = [];
  for (const manifest of manifests) {
    const result = await validateSchema(manifest);
    findings.push(...result.findings);
    if (result.module !== null) typed.push({ manifest, module: result.module });
  }
  if (manifests.length === 0) {
    findings.push({ file, rule: 'yaml', message: 'no Kubernetes objects rendered' });
  }
  return [...findings, ...unknownFieldFindings(typed), ...workloadPolicyFindings(manifests)];
}

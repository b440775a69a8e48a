// Rendered Kubernetes manifests (`kubectl kustomize` output: YAML documents separated by `---`) as
// plain objects, each remembering where it starts so findings can point at it.
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Finding } from '../finding.js';

/** One Kubernetes object of a rendered stream. */
export interface Manifest {
  readonly file: string;
  /** 1-based line where the object's document starts. */
  readonly line: number;
  readonly object: KubernetesObject;
}

/** The fields every object has; the rest is checked against its kind's schema. */
export interface KubernetesObject {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: { readonly name?: unknown; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** The objects of `text`, and findings for documents that are not YAML mappings. */
export function readManifests(
  file: string,
  text: string,
): { manifests: Manifest[]; findings: Finding[] } {
  const lines = new LineCounter();
  const manifests: Manifest[] = [];
  const findings: Finding[] = [];
  for (const document of parseAllDocuments(text, { lineCounter: lines })) {
    const line = lines.linePos(document.range[0]).line;
    for (const error of document.errors) {
      findings.push({
        file,
        line: error.linePos?.[0].line ?? line,
        rule: 'yaml',
        message: error.message,
      });
    }
    if (document.errors.length > 0) continue;
    const object: unknown = document.toJS();
    if (object === null || object === undefined) continue;
    if (typeof object !== 'object' || Array.isArray(object)) {
      findings.push({ file, line, rule: 'yaml', message: 'a document is not a Kubernetes object' });
      continue;
    }
    manifests.push({ file, line, object: object as KubernetesObject });
  }
  return { manifests, findings };
}

/** `Deployment/router`, how findings name an object. */
export function describeManifest({ object }: Manifest): string {
  return `${String(object.kind ?? '?')}/${String(object.metadata?.name ?? '?')}`;
}

// Where kubernetes-models keeps the schema of an apiVersion + kind: core objects under
// `kubernetes-models/<version>/<Kind>`, grouped ones under `kubernetes-models/<group>/<version>/<Kind>`.

/** The module specifier of a kind's model, or null when apiVersion or kind is malformed. */
export function modelModule(apiVersion: unknown, kind: unknown): string | null {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return null;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  const parts = apiVersion.split('/');
  if (parts.some((part) => !/^[a-z0-9.-]+$/.test(part))) return null;
  if (parts.length === 1) return `kubernetes-models/${parts[0]}/${kind}`;
  if (parts.length === 2) return `kubernetes-models/${parts[0]}/${parts[1]}/${kind}`;
  return null;
}

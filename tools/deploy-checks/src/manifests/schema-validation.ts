// Each object against its kind's Kubernetes OpenAPI schema, offline: kubernetes-models ships the
// schemas compiled to validators (types, required fields, formats such as int32 and quantities, enums).
// Those schemas allow unknown fields, as the API server's non-strict mode does; known-fields.ts
// closes that gap.
import type { Finding } from '../finding.js';
import { describeManifest, type Manifest } from './manifest-documents.js';
import { modelModule } from './model-module.js';

type ModelClass = new (data: unknown) => { validate(): void };

interface SchemaError {
  readonly instancePath?: string;
  readonly message?: string;
}

/** Schema findings for one object, and the model module its kind was found in (null if none). */
export async function validateSchema(
  manifest: Manifest,
): Promise<{ findings: Finding[]; module: string | null }> {
  const { object } = manifest;
  const specifier = modelModule(object.apiVersion, object.kind);
  const unknownKind = (): { findings: Finding[]; module: null } => ({
    findings: [
      finding(
        manifest,
        'unknown-kind',
        `no Kubernetes schema for apiVersion "${String(object.apiVersion)}", kind "${String(object.kind)}"`,
      ),
    ],
    module: null,
  });
  if (specifier === null) return unknownKind();
  let Model: ModelClass | undefined;
  try {
    const loaded = (await import(specifier)) as Record<string, unknown>;
    Model = loaded[String(object.kind)] as ModelClass | undefined;
  } catch {
    return unknownKind();
  }
  if (Model === undefined) return unknownKind();
  try {
    new Model(object).validate();
    return { findings: [], module: specifier };
  } catch (error) {
    const errors = (error as { errors?: readonly SchemaError[] }).errors ?? [];
    const messages =
      errors.length > 0
        ? errors.map((e) => `${pathOf(e.instancePath)} ${e.message ?? 'is invalid'}`)
        : [(error as Error).message];
    return { findings: messages.map((m) => finding(manifest, 'schema', m)), module: specifier };
  }
}

/** `/spec/template/spec/containers/0/image` → `spec.template.spec.containers[0].image`. */
function pathOf(instancePath: string | undefined): string {
  if (instancePath === undefined || instancePath === '') return '(object)';
  return instancePath
    .split('/')
    .slice(1)
    .map((part) =>
      /^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`,
    )
    .join('')
    .replace(/^\./, '');
}

function finding(manifest: Manifest, rule: string, message: string): Finding {
  return {
    file: manifest.file,
    line: manifest.line,
    rule,
    message: `${describeManifest(manifest)}: ${message}`,
  };
}

// Unknown fields: Kubernetes' OpenAPI schemas leave objects open, so a misspelt `livenesProbe` passes
// schema validation and is silently dropped by the API server. TypeScript's excess-property check is
// exactly the strict check missing: every object is written out as a literal typed with its kind's
// interface from kubernetes-models (generated from the same schemas) and type-checked in memory.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Finding } from '../finding.js';
import { describeManifest, type Manifest } from './manifest-documents.js';

/** An object whose kind has a model, and that model's module. */
export interface TypedManifest {
  readonly manifest: Manifest;
  readonly module: string;
}

// Beside this module, so that `kubernetes-models` resolves from the workspace's node_modules.
const VIRTUAL_FILE = join(dirname(fileURLToPath(import.meta.url)), '__rendered-manifests__.ts');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  types: [],
};

/** Findings for fields (or values) the kinds' types do not allow; one per object at most. */
export function unknownFieldFindings(typed: readonly TypedManifest[]): Finding[] {
  if (typed.length === 0) return [];
  const { source, starts } = typedSource(typed);
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const virtual = ts.createSourceFile(VIRTUAL_FILE, source, ts.ScriptTarget.ES2022, true);
  const readSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === VIRTUAL_FILE ? virtual : readSourceFile(file, language, ...rest);
  host.fileExists = (file) => file === VIRTUAL_FILE || fileExists(file);
  const program = ts.createProgram([VIRTUAL_FILE], COMPILER_OPTIONS, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === VIRTUAL_FILE && d.start !== undefined)
    .map((diagnostic) => {
      const position = diagnostic.start ?? 0;
      const index = starts.findLastIndex((start) => start <= position);
      const entry = typed[Math.max(index, 0)] as TypedManifest;
      const message = (
        ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0] ?? ''
      )
        // JSON keys are quoted in the generated literal: '"livenesProbe"' reads better as 'livenesProbe'.
        .replace(/'"([^"]+)"'/g, "'$1'");
      return {
        file: entry.manifest.file,
        line: entry.manifest.line,
        rule: 'known-fields',
        message: `${describeManifest(entry.manifest)}: ${jsonPathAt(virtual, position)}: ${message}`,
      };
    });
}

/** One typed constant per object; `starts` holds the offset where each begins. */
function typedSource(typed: readonly TypedManifest[]): { source: string; starts: number[] } {
  const imports = typed.map(
    ({ manifest, module }, i) =>
      `import type { I${String(manifest.object.kind)} as T${i} } from '${module}';\n`,
  );
  let source = imports.join('');
  const starts: number[] = [];
  typed.forEach(({ manifest }, i) => {
    starts.push(source.length);
    source += `export const m${i}: T${i} = ${JSON.stringify(manifest.object, null, 2)};\n`;
  });
  return { source, starts };
}

/** The object path (`spec.template.spec.containers[0].livenesProbe`) of the node at `position`. */
function jsonPathAt(file: ts.SourceFile, position: number): string {
  let deepest: ts.Node = file;
  const visit = (node: ts.Node): void => {
    if (node.getStart(file) <= position && position < node.getEnd()) {
      deepest = node;
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(file, visit);
  const parts: string[] = [];
  for (let node: ts.Node | undefined = deepest; node !== undefined; node = node.parent) {
    if (ts.isVariableDeclaration(node)) break;
    if (ts.isPropertyAssignment(node)) {
      parts.unshift(`.${ts.isStringLiteral(node.name) ? node.name.text : node.name.getText(file)}`);
    } else if (node.parent !== undefined && ts.isArrayLiteralExpression(node.parent)) {
      parts.unshift(`[${node.parent.elements.indexOf(node as ts.Expression)}]`);
    }
  }
  return parts.join('').replace(/^\./, '') || '(object)';
}

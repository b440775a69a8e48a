// Reads a scenario document (YAML or JSON) into a validated, frozen Scenario, or fails with every
// problem at once so the author fixes the file in one pass.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { deepFreeze } from './deep-freeze.js';
import { ScenarioInvalidError, type ScenarioProblem } from './errors.js';
import { problemsFromIssues } from './scenario-problems.js';
import { scenarioRuleProblems } from './scenario-rules.js';
import { scenarioSchema, type Scenario } from './scenario-schema.js';

/** The formats parseScenario reads. */
export type ScenarioFormat = 'yaml' | 'json';

/**
 * Parses and validates a scenario. `source` names the document in messages (e.g. a file name).
 * Throws ScenarioInvalidError listing every problem: syntax errors with their line, then wrong
 * types, unknown keys and out-of-range values with their path and line, then cross-field rules.
 */
export function parseScenario(text: string, format: ScenarioFormat, source: string): Scenario {
  const lines = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  // For JSON the YAML model still runs: it catches duplicate keys, which JSON.parse lets pass.
  const syntax = format === 'json' ? jsonSyntaxProblems(text) : [];
  if (syntax.length === 0) syntax.push(...yamlSyntaxProblems(document, lines));
  if (syntax.length > 0) throw new ScenarioInvalidError(source, syntax);

  const content: unknown = format === 'json' ? JSON.parse(text) : document.toJS();
  if (content === null || content === undefined) {
    throw new ScenarioInvalidError(source, [
      { path: '', message: 'the scenario document is empty' },
    ]);
  }
  const parsed = scenarioSchema.safeParse(content, { reportInput: true });
  const problems: ScenarioProblem[] = parsed.success
    ? scenarioRuleProblems(parsed.data as Scenario)
    : problemsFromIssues(parsed.error.issues, scenarioSchema);
  if (problems.length > 0)
    throw new ScenarioInvalidError(source, withLines(problems, document, lines));
  return deepFreeze(parsed.data as Scenario);
}

function yamlSyntaxProblems(document: Document, lines: LineCounter): ScenarioProblem[] {
  return document.errors.map((error) => ({
    path: '',
    message: `YAML syntax: ${firstLine(error.message)}`,
    line: lines.linePos(error.pos[0]).line,
  }));
}

function jsonSyntaxProblems(text: string): ScenarioProblem[] {
  try {
    JSON.parse(text);
    return [];
  } catch (error) {
    return [{ path: '', message: `JSON syntax: ${(error as Error).message}` }];
  }
}

// yaml appends " at line L, column C:" and a code excerpt; the line is reported separately.
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

// JSON is YAML too, so one document model gives line numbers for both formats.
function withLines(
  problems: ScenarioProblem[],
  document: Document,
  lines: LineCounter,
): ScenarioProblem[] {
  return problems.map((problem) => {
    const line = lineOf(problem.path, document, lines);
    return line === undefined ? problem : { ...problem, line };
  });
}

// The line of the value at `path`; for a missing field, the line of the nearest enclosing key.
function lineOf(path: string, document: Document, lines: LineCounter): number | undefined {
  let node: unknown = document.contents;
  let enclosing = rangeLine(node, lines);
  for (const key of pathKeys(path)) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (!pair) return enclosing;
      enclosing = rangeLine(pair.key, lines) ?? enclosing;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
      node = node.items[key];
      enclosing = rangeLine(node, lines) ?? enclosing;
    } else {
      return enclosing;
    }
  }
  return rangeLine(node, lines) ?? enclosing;
}

function rangeLine(node: unknown, lines: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line : undefined;
}

function pathKeys(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? (key as string) : Number(index),
  );
}

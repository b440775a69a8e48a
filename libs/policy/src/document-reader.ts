// Reads a declarative document (YAML or JSON) — a campaign policy, a simulation scenario — into a
// validated, frozen value, or fails with every problem at once so its author fixes the file in one
// pass: syntax errors with their line, then wrong types, unknown keys and out-of-range values with
// their path and line, then the document's own cross-field rules.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { deepFreeze } from './deep-freeze.js';
import { problemsFromIssues } from './document-problems.js';

/** The formats readDocument reads. */
export type DocumentFormat = 'yaml' | 'json';

/** One thing wrong with a document. */
export interface DocumentProblem {
  /** Dotted path of the offending field, e.g. "actions.liveTransfer.readinessThreshold"; "" for the document. */
  readonly path: string;
  /** What is wrong, e.g. "must be ≤ 1, got 1.4". */
  readonly message: string;
  /** 1-based line in the source text, when known. */
  readonly line?: number;
}

/** What a kind of document is: its name in messages, its schema, its rules, its error. */
export interface DocumentKind<T> {
  /** "policy", "scenario": as in "the policy document is empty". */
  readonly noun: string;
  readonly schema: z.ZodType;
  /** Cross-field rules, checked once the schema is satisfied. */
  readonly rules: (value: T) => DocumentProblem[];
  /** The error to throw with every problem found. */
  readonly invalid: (problems: DocumentProblem[]) => Error;
}

/** Parses and validates `text` as a document of `kind`; throws `kind.invalid(problems)`. */
export function readDocument<T>(text: string, format: DocumentFormat, kind: DocumentKind<T>): T {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  // For JSON the YAML model still runs: it catches duplicate keys, which JSON.parse lets pass.
  const syntax = format === 'json' ? jsonSyntaxProblems(text) : [];
  if (syntax.length === 0) syntax.push(...yamlSyntaxProblems(document, lines));
  if (syntax.length > 0) throw kind.invalid(syntax);

  const content: unknown = format === 'json' ? JSON.parse(text) : document.toJS();
  if (content === null || content === undefined) {
    throw kind.invalid([{ path: '', message: `the ${kind.noun} document is empty` }]);
  }
  const parsed = kind.schema.safeParse(content, { reportInput: true });
  const problems = parsed.success
    ? kind.rules(parsed.data as T)
    : problemsFromIssues(parsed.error.issues, kind.schema, kind.noun);
  if (problems.length > 0) throw kind.invalid(withLines(problems, document, lines));
  return deepFreeze(parsed.data as T);
}

function yamlSyntaxProblems(document: Document, lines: LineCounter): DocumentProblem[] {
  return document.errors.map((error) => ({
    path: '',
    message: `YAML syntax: ${firstLine(error.message)}`,
    line: lines.linePos(error.pos[0]).line,
  }));
}

function jsonSyntaxProblems(text: string): DocumentProblem[] {
  try {
    JSON.parse(text);
    return [];
  } catch (error) {
    return [{ path: '', message: `JSON syntax: ${(error as Error).message}` }];
  }
}

// yaml appends " at line L, column C:" and a code excerpt; the line is reported separately.
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

// JSON is YAML too, so one document model gives line numbers for both formats.
function withLines(
  problems: DocumentProblem[],
  document: Document,
  lines: LineCounter,
): DocumentProblem[] {
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
    index === undefined ? key : Number(index),
  );
}

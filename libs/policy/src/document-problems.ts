// Turns zod issues into DocumentProblems the author of a policy or scenario file can act on: the
// dotted path, what the field must be and the value that was found ("must be ≤ 1, got 1.4"), and
// for a typo the key it resembles.
import { z } from 'zod';
import type { DocumentProblem } from './document-reader.js';

type Issue = z.core.$ZodIssue & { input?: unknown };
type PathKey = PropertyKey;

/**
 * Problems for the issues of a failed `schema.safeParse(document, { reportInput: true })`; `noun`
 * names the document ("policy") when it is not a mapping at all.
 */
export function problemsFromIssues(
  issues: readonly Issue[],
  schema: z.ZodType,
  noun: string,
): DocumentProblem[] {
  return issues.flatMap((issue) => problemsFrom(issue, schema, noun));
}

/** "actions.liveTransfer.fallbackRules[2].then" for ["actions", "liveTransfer", "fallbackRules", 2, "then"]. */
export function pathText(path: readonly PathKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

function problemsFrom(issue: Issue, schema: z.ZodType, noun: string): DocumentProblem[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, issue.path);
    return issue.keys.map((key) => ({
      path: pathText([...issue.path, key]),
      message: `unknown key${suggestion(key, known)}`,
    }));
  }
  return [{ path: pathText(issue.path), message: messageFor(issue, noun) }];
}

function messageFor(issue: Issue, noun: string): string {
  const got = `got ${shown(issue.input)}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.path.length === 0) return `the ${noun} must be a mapping of fields, ${got}`;
      if (issue.input === undefined) return 'is required';
      return `must be ${article(issue.expected)}, ${got}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `must list at most ${String(issue.maximum)} entries, got ${lengthOf(issue.input)}`
        : `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}, ${got}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `must list at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}, got ${lengthOf(issue.input)}`
        : `must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}, ${got}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, ${got}`;
    case 'invalid_format':
    case 'invalid_union':
      // The schema gives these its own wording ("must match [A-Za-z0-9_-]{1,128}").
      return `${issue.message}, ${got}`;
    default:
      return `${issue.message}, ${got}`;
  }
}

function article(expected: string): string {
  const name =
    expected === 'int'
      ? 'integer'
      : expected === 'object' || expected === 'record'
        ? 'mapping'
        : expected;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function lengthOf(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : shown(value);
}

// Walks the schema along an issue's path to list the keys allowed where an unknown key was found.
function knownKeysAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (node instanceof z.ZodObject) node = unwrap(node.shape[String(key)] as z.ZodType);
    else if (node instanceof z.ZodArray) node = unwrap(node.element as z.ZodType);
    else return [];
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  return schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

function suggestion(key: string, known: readonly string[]): string {
  const best = known
    .map((candidate) => ({ candidate, distance: editDistance(key, candidate) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const close = best !== undefined && best.distance <= Math.max(2, Math.floor(key.length / 4));
  if (close) return ` (did you mean ${best.candidate}?)`;
  return known.length > 0 ? ` (allowed: ${known.join(', ')})` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution =
        previous[j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

// Turns schema validation issues (Standard Schema, as zod reports them) into the one 400 answer:
// the first problem, its JSON path as `field` ("events[3].transcriptSegment.asrConfidence") and a
// message that starts with that path.
import { RequestInvalidError } from './api-errors.js';

/** A validation issue as zod reports it through the Standard Schema interface. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[];
  readonly code?: string;
  /** unrecognized_keys: the unknown keys. */
  readonly keys?: readonly string[];
  /** invalid_union: the issues of each alternative. */
  readonly errors?: readonly (readonly SchemaIssue[])[];
}

/**
 * The RequestInvalidError for the most telling issue (an unknown field first: it is usually a typo
 * behind the other problems); `prefix` names where the value came from (a query key, a path param).
 */
export function requestInvalidOf(issues: readonly SchemaIssue[], prefix = ''): RequestInvalidError {
  const issue = mostSpecific(firstOf(issues));
  if (issue === undefined) {
    return new RequestInvalidError('the request is invalid', prefix || undefined);
  }
  const base = joinPath(prefix, issue.path ?? []);
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const field = joinPath(base, [issue.keys[0] as string]);
    return new RequestInvalidError(`${field}: unknown field (check its spelling)`, field);
  }
  const problem = issue.message.replace(/expected (\S+), received undefined$/, 'is required ($1)');
  const field = base === '' ? undefined : base;
  return new RequestInvalidError(field === undefined ? problem : `${field}: ${problem}`, field);
}

/** A JSON path: "events[3].callStarted.timeZone". */
export function joinPath(prefix: string, path: SchemaIssue['path'] & object): string {
  let text = prefix;
  for (const segment of path) {
    const key = typeof segment === 'object' ? segment.key : segment;
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

// An invalid union (one event or a batch) reports every alternative's issues; the alternative the
// caller meant is the one that did not find unknown keys at its top level.
// Paths inside an alternative are relative to the union.
function mostSpecific(issue: SchemaIssue | undefined): SchemaIssue | undefined {
  if (issue?.code !== 'invalid_union' || !issue.errors?.length) return issue;
  const meant =
    issue.errors.find(
      (branch) =>
        branch.length > 0 &&
        !branch.some((i) => i.code === 'unrecognized_keys' && (i.path?.length ?? 0) === 0),
    ) ?? [...issue.errors].sort((a, b) => a.length - b.length)[0];
  const inner = mostSpecific(firstOf(meant ?? []));
  if (inner === undefined) return issue;
  return { ...inner, path: [...(issue.path ?? []), ...(inner.path ?? [])] };
}

function firstOf(issues: readonly SchemaIssue[]): SchemaIssue | undefined {
  return issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
}

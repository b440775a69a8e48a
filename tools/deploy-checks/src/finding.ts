// What every check reports: one problem in one deployment file, named by a stable rule id so a reader
// (and a test) can tell which rule fired.

/** One problem a check found. */
export interface Finding {
  readonly file: string;
  /** 1-based line, when the check knows it. */
  readonly line?: number;
  /** Stable id of the rule that fired, e.g. `non-root-user`. */
  readonly rule: string;
  readonly message: string;
}

/** `file:line: [rule] message`, the form editors and CI logs link to. */
export function formatFinding(finding: Finding): string {
  const where = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
  return `${where}: [${finding.rule}] ${finding.message}`;
}

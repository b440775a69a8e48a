// The Dockerfile lint: dockerfile-utils' syntax and semantics, then Warmline's image rules.
import type { Finding } from '../finding.js';
import { parseBuildStages } from './build-stages.js';
import { DOCKERFILE_RULES } from './dockerfile-rules.js';
import { dockerfileSyntaxFindings } from './dockerfile-syntax.js';

/** Every finding for one Dockerfile, in line order; empty when it passes. */
export function lintDockerfile(file: string, text: string): Finding[] {
  const parsed = parseBuildStages(text);
  const ruleFindings = DOCKERFILE_RULES.flatMap((rule) =>
    rule
      .check(parsed)
      .map((found) => ({ file, line: found.line, rule: rule.id, message: found.message })),
  );
  return [...dockerfileSyntaxFindings(file, text), ...ruleFindings].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
}

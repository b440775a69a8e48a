// The maintained part of the Dockerfile lint: dockerfile-utils (the validator behind the Docker
// language server used by editors) reports what `docker build` would reject — unknown instructions,
// bad flags and durations, malformed references, relative WORKDIR, JSON in single quotes, and more.
// Its warnings count as failures too: each is a real mistake.
import { validate, ValidationCode } from 'dockerfile-utils';
import type { Finding } from '../finding.js';

/** Everything dockerfile-utils reports for `text`, as `syntax/<code-name>` findings. */
export function dockerfileSyntaxFindings(file: string, text: string): Finding[] {
  return validate(text).map((diagnostic) => ({
    file,
    line: diagnostic.range.start.line + 1,
    rule: `syntax/${codeName(diagnostic.code)}`,
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  }));
}

/** `UNKNOWN_INSTRUCTION` → `unknown-instruction` (the numbers are not stable between releases). */
function codeName(code: number | string | undefined): string {
  const name = typeof code === 'number' ? ValidationCode[code] : code;
  return (name ?? 'unknown').toLowerCase().replace(/_/g, '-');
}

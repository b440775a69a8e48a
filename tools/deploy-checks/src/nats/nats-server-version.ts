// The local nats-server's version, from `nats-server --version` ("nats-server: v2.9.10").
import { execFileSync } from 'node:child_process';
import { ToolUnavailableError } from '../errors.js';

/** [major, minor, patch] of the server at `binary`. */
export function natsServerVersion(binary: string): [number, number, number] {
  let output: string;
  try {
    output = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (cause) {
    throw new ToolUnavailableError(binary, 'cannot run `nats-server --version`', { cause });
  }
  const match = /v?(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (match === null)
    throw new ToolUnavailableError(binary, `unrecognised version "${output.trim()}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

// Runs one of the workspace's built Node programs (the simulator CLI) as its own process, with only
// the environment given, and collects what it printed.
import { spawn } from 'node:child_process';

export interface CommandRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node <script> ...args` to its exit (SIGKILLed after `timeoutMs`, when given), with PATH,
 * HOME and `env` only. `E2E_ECHO=1` copies its stderr to the test's.
 */
export function runNode(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs?: number,
): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--enable-source-maps', script, ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (process.env['E2E_ECHO'] === '1') process.stderr.write(chunk);
    });
    const timer =
      timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    // 'close', not 'exit': only then has all it printed been read.
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

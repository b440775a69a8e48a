// Runs one Warmline agent as its own OS process, exactly as it is deployed: `node apps/<app>/dist/
// main.js` with its environment. Waits for the agent's ready log line, keeps its last log lines for
// diagnostics, and stops it gracefully (SIGTERM) or kills it (SIGKILL) to prove restarts lose nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';

/** The log message an agent prints once its consumers run (see @warmline/agent-runtime). */
export const AGENT_READY_MESSAGE = 'agent ready';

/** How long an agent may take to report ready. */
const READY_TIMEOUT_MS = 30_000;

/** How long a stopping agent may take before it is killed. */
const STOP_TIMEOUT_MS = 15_000;

/** Log lines kept per process. */
const LOG_LINES_KEPT = 400;

export interface AgentProcessOptions {
  /** The app folder under apps/, e.g. "escalation-governor". */
  readonly app: string;
  /** Environment of the process (merged over this process's PATH/HOME). */
  readonly env: Readonly<Record<string, string>>;
  /** Replica label, shown in logs. */
  readonly label?: string;
  /** Print the agent's log lines to this process's stderr as they come (debugging). */
  readonly echo?: boolean;
  /** The script to run instead of apps/<app>/dist/main.js. */
  readonly entry?: string;
}

/** A started agent process. */
export interface AgentProcess {
  readonly app: string;
  readonly label: string;
  readonly pid: number;
  /** Parsed JSON log lines (non-JSON lines are kept as `{ msg }`). */
  logs(): readonly Record<string, unknown>[];
  /** SIGTERM, wait for a clean exit (SIGKILL after a timeout); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
  /** Resolves when the process exits, with its code. */
  readonly exited: Promise<number | null>;
}

/** Starts `apps/<app>/dist/main.js` and resolves once it logged AGENT_READY_MESSAGE. */
export async function startAgentProcess(options: AgentProcessOptions): Promise<AgentProcess> {
  const main = options.entry ?? join(workspaceRoot(), 'apps', options.app, 'dist', 'main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} does not exist: build the app first (nx run ${options.app}:build)`);
  }
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const handle = new ManagedAgent(options.app, options.label ?? options.app, child, options.echo);
  processes.add(handle);
  try {
    await handle.ready();
  } catch (err) {
    await handle.kill();
    throw err;
  }
  return handle;
}

const processes = new Set<ManagedAgent>();
process.once('exit', () => {
  for (const agent of processes) agent.killSync();
});

class ManagedAgent implements AgentProcess {
  readonly pid: number;
  readonly exited: Promise<number | null>;
  private readonly lines: Record<string, unknown>[] = [];
  private readyWaiters: Array<() => void> = [];
  private isReady = false;

  constructor(
    readonly app: string,
    readonly label: string,
    private readonly child: ChildProcess,
    private readonly echo = false,
  ) {
    if (child.pid === undefined) throw new Error(`could not start ${app}`);
    this.pid = child.pid;
    // 'close', not 'exit': only then has every line the agent printed (why it stopped) been read.
    this.exited = new Promise((resolve) =>
      child.once('close', (code) => {
        processes.delete(this);
        resolve(code);
      }),
    );
    let partial = '';
    const onData = (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) this.record(line);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  logs(): readonly Record<string, unknown>[] {
    return this.lines;
  }

  ready(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(this.failure(`did not report ready within ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(this.failure(`exited with code ${code} before it was ready`));
      });
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  killSync(): void {
    try {
      process.kill(this.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  private record(line: string): void {
    if (line.trim() === '') return;
    if (this.echo) process.stderr.write(`[${this.label}] ${line}\n`);
    let parsed: Record<string, unknown>;
    try {
      const value: unknown = JSON.parse(line);
      parsed =
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)
          : { msg: line };
    } catch {
      parsed = { msg: line };
    }
    this.lines.push(parsed);
    if (this.lines.length > LOG_LINES_KEPT) this.lines.shift();
    if (!this.isReady && parsed['msg'] === AGENT_READY_MESSAGE) {
      this.isReady = true;
      for (const waiter of this.readyWaiters.splice(0)) waiter();
    }
  }

  private failure(what: string): Error {
    const tail = this.lines
      .slice(-30)
      .map((l) => JSON.stringify(l))
      .join('\n');
    return new Error(`${this.label} (pid ${this.pid}) ${what}\n${tail}`);
  }
}

// A real nats-server for a test: its own free loopback port, JetStream in a temp dir, optionally the
// per-agent users and permissions of deploy/nats, and cleanup even when the test fails or is killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENTS, natsPasswordVariable } from '@warmline/contracts';
import { freePort } from './free-port.js';
import { natsServerBinary } from './nats-binary.js';
import { reapOnExit } from './reaper.js';
import { deployedUsersConf } from './workspace.js';

/** The user that provisions streams and buckets in deploy/nats/users.conf. */
export const ADMIN_USER = 'admin';

/** How long a server may take to report ready. */
const START_TIMEOUT_MS = 15_000;

/** How long a stopped server may take to exit before it is killed. */
const STOP_TIMEOUT_MS = 5_000;

/** Lines of server output kept for error messages. */
const LOG_LINES_KEPT = 200;

export interface NatsServerOptions {
  /** Apply deploy/nats/users.conf: one user per agent with its permissions, plus `admin`. */
  readonly auth?: boolean;
  /** Server name (unique within a cluster). */
  readonly name?: string;
  /** Extra config text appended to the generated config (e.g. a cluster block). */
  readonly extraConfig?: string;
  /** Fixed client port (default: a free one). */
  readonly port?: number;
  /** Passwords by user, so the nodes of one cluster share them (default: fresh random ones). */
  readonly passwords?: ReadonlyMap<string, string>;
}

/** A NATS user name and password. */
export interface NatsCredentials {
  readonly user: string;
  readonly pass: string;
}

/** A running (or killed, restartable) nats-server owned by the test. */
export interface NatsServer {
  readonly url: string;
  readonly port: number;
  readonly name: string;
  /** Temp folder holding the config and the JetStream store; removed by stop(). */
  readonly dir: string;
  /** Credentials of `admin` or an agent's user; throws on a server started without auth. */
  credentials(user: string): NatsCredentials;
  /** The last lines the server printed. */
  logTail(): string;
  /** Graceful stop, then the temp folder is removed. Safe to call more than once. */
  stop(): Promise<void>;
  /** SIGKILL, keeping the store, as a crash would. */
  kill(): Promise<void>;
  /** Starts a killed server again on the same port and store. */
  restart(): Promise<void>;
}

/** Starts a nats-server with JetStream on a free loopback port and waits until it is ready. */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'warmline-nats-'));
  const name = options.name ?? `wl-test-${port}`;
  const passwords = options.auth ? new Map(options.passwords ?? generatePasswords()) : null;
  writeConfig(dir, name, port, options, passwords !== null);
  const server = new ManagedServer(name, port, dir, passwords);
  try {
    await server.launch();
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

class ManagedServer implements NatsServer {
  readonly url: string;
  private child: ChildProcess | null = null;
  private release: (() => void) | null = null;
  private readonly log: string[] = [];
  private stopped = false;

  constructor(
    readonly name: string,
    readonly port: number,
    readonly dir: string,
    private readonly passwords: Map<string, string> | null,
  ) {
    this.url = `nats://127.0.0.1:${port}`;
  }

  credentials(user: string): NatsCredentials {
    if (this.passwords === null) {
      throw new Error(`server ${this.name} was started without auth; pass { auth: true }`);
    }
    const pass = this.passwords.get(user);
    if (pass === undefined) throw new Error(`no NATS user "${user}" in deploy/nats/users.conf`);
    return { user, pass };
  }

  logTail(): string {
    return this.log.join('\n');
  }

  async launch(): Promise<void> {
    const env = { ...process.env };
    for (const [user, pass] of this.passwords ?? []) env[natsPasswordVariable(user)] = pass;
    const child = spawn(natsServerBinary(), ['-c', join(this.dir, 'server.conf')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.release = reapOnExit(child, this.dir);
    await this.waitUntilReady(child);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.terminate('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }

  async kill(): Promise<void> {
    await this.terminate('SIGKILL');
  }

  async restart(): Promise<void> {
    if (this.stopped) throw new Error(`server ${this.name} was stopped; it cannot restart`);
    if (this.child !== null) throw new Error(`server ${this.name} is still running`);
    await this.launch();
  }

  private async terminate(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child !== null && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    this.release?.();
    this.release = null;
  }

  private waitUntilReady(child: ChildProcess): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(
        () => settle(this.failure(`did not report ready within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      const onOutput = (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line.trim() === '') continue;
          this.log.push(line);
          if (this.log.length > LOG_LINES_KEPT) this.log.shift();
          if (line.includes('Server is ready')) settle();
        }
      };
      child.stdout?.on('data', onOutput);
      child.stderr?.on('data', onOutput);
      child.once('error', (err) => settle(this.failure(`could not start: ${err.message}`)));
      // 'close', not 'exit': only then has everything the server printed (why it stopped) been read.
      child.once('close', (code, signal) =>
        settle(this.failure(`exited during start-up (code ${code}, signal ${signal})`)),
      );
    });
  }

  private failure(what: string): Error {
    return new Error(`nats-server ${this.name} on port ${this.port} ${what}\n${this.logTail()}`);
  }
}

/**
 * A random password for `admin` and every agent's user. nats-server parses an environment variable's
 * value as a config value, so a password must not look like a number, date or boolean: it starts with
 * a letter and is hex after that.
 */
export function generatePasswords(): Map<string, string> {
  const users = [ADMIN_USER, ...AGENTS.map((spec) => spec.agent)];
  return new Map(users.map((user) => [user, `wl${randomBytes(16).toString('hex')}`]));
}

function writeConfig(
  dir: string,
  name: string,
  port: number,
  options: NatsServerOptions,
  auth: boolean,
): void {
  const lines = [
    `server_name: "${name}"`,
    `listen: "127.0.0.1:${port}"`,
    `jetstream { store_dir: "${join(dir, 'jetstream')}" }`,
  ];
  if (auth) {
    copyFileSync(deployedUsersConf(), join(dir, 'users.conf'));
    lines.push('include "users.conf"');
  }
  if (options.extraConfig) lines.push(options.extraConfig);
  writeFileSync(join(dir, 'server.conf'), `${lines.join('\n')}\n`);
}

// `npm start` itself: the launcher (tools/stack/dist/main.js, what scripts/start.sh runs after
// set-up and build) starts its own nats-server, provisions it, starts every agent and the gateway as
// separate processes, plays a tiny campaign, prints the report and exits 0 — and leaves no process
// behind. It runs in its own session (setsid), so `pgrep -s <launcher pid>` finds any survivor; the
// nats-server watchdog is detached on purpose and is looked for by its command line. A second run
// stays up without a campaign and is stopped with SIGINT, as Ctrl-C would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';

const LAUNCHER = join(workspaceRoot(), 'tools', 'stack', 'dist', 'main.js');

// Twelve warm-mode buyers (seed 3): ready buyers outnumber the two closers, whose calls last long
// enough that later ready buyers find nobody free and are booked; hedgers and an objector are held.
const SCENARIO = `
seed: 3
campaignId: npm-start-e2e
description: npm start end-to-end - a tiny warm campaign.
calls: 12
concurrency: 12
arrivalRatePerSecond: 6
timeScale: 12
callLimitMs: 300000
modes: [warm]
buyers:
  mix: { ready: 7, hedging: 3, objecting: 1, interrupting: 0, voicemail: 1, hangUpOnHold: 0 }
  timeZones: { America/New_York: 1 }
  languages: { en-US: 1 }
  territories: { US-NY: 1 }
  timing: { now: 0, window: 1 }
  objectionTopics: [price]
  objectionResolveRate: 1
  permissionFirstRate: 0.5
  assertionRate: 0.25
closers:
  count: 2
  defaults:
    skills: [roofing]
    languages: [en-US]
    territories: []
    timeZone: America/Chicago
    workingHours: always
    capacity: 1
    declineRate: 0
    noAnswerRate: 0
    voicemailRate: 0
    answerDelayMs: { min: 1000, max: 2000 }
    talkTimeMs: { min: 240000, max: 300000 }
faults:
  amdErrorRate: 0
  asrLagRate: 0
  asrLagMs: 2500
  duplicateRate: 0
  reorderRate: 0
  reorderWindow: 3
  tokenLimitRate: 0
  promptDriftRate: 0
`;

interface LauncherRun {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
}

function launch(args: readonly string[]): LauncherRun {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (process.env['E2E_ECHO'] === '1') process.stderr.write(chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  return { child, exited, output: () => output };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitForOutput(run: LauncherRun, text: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!run.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** pgrep's matches (empty when none): pgrep exits 1 when nothing matches. */
function pgrep(args: readonly string[]): string[] {
  const result = spawnSync('pgrep', ['-a', ...args], { encoding: 'utf8' });
  if (result.status === 1) return [];
  if (result.status !== 0) throw new Error(`pgrep ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim().split('\n');
}

/** Processes the launcher started that are still alive, after a moment to let exits settle. */
async function survivorsOf(run: LauncherRun): Promise<string[]> {
  const pid = run.child.pid!;
  const agentPids = [...run.output().matchAll(/ready \(pid (\d+)\)/g)].map((m) => Number(m[1]));
  expect(agentPids).toHaveLength(6);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const alive = agentPids.filter((agentPid) => {
    try {
      process.kill(agentPid, 0);
      return true;
    } catch {
      return false;
    }
  });
  return [
    ...pgrep(['-s', String(pid)]),
    ...pgrep(['-f', `warmline-reaper ${pid} `]),
    ...alive.map((p) => `agent pid ${p}`),
  ];
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'warmline-npm-start-'));
  writeFileSync(join(dir, 'tiny.scenario.yaml'), SCENARIO);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs the stack and a tiny campaign, prints the report, exits 0 and leaves no process behind', async () => {
    const out = join(dir, 'report');
    const run = launch([
      '--scenario',
      join(dir, 'tiny.scenario.yaml'),
      '--gateway-port',
      '0',
      '--out',
      out,
    ]);
    const code = await within(run.exited, 150_000, 'the launcher exiting');
    expect({ code, output: code === 0 ? '' : run.output() }).toEqual({ code: 0, output: '' });

    const printed = run.output();
    for (const agent of [
      'perception',
      'qualification',
      'escalation-governor',
      'router',
      'scheduler',
      'gateway',
    ]) {
      expect(printed).toMatch(new RegExp(`${agent}\\s+ready \\(pid \\d+\\)`));
    }
    expect(printed).toContain('== warm (12 calls) ==');
    expect(printed).toContain(`Report: ${join(out, 'report.json')}`);
    expect(printed).toContain('[warmline] stopping the stack');
    expect(existsSync(join(out, 'report.html'))).toBe(true);

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      modes: { mode: string; calls: number; outcomes: Record<string, number> }[];
      stack: { deadLetters: unknown[] };
    };
    const [warm] = report.modes;
    expect(warm).toMatchObject({ mode: 'warm', calls: 12 });
    expect(warm!.outcomes['bridged']).toBeGreaterThan(0);
    expect(warm!.outcomes['appointment']).toBeGreaterThan(0);
    expect(warm!.outcomes['held_no_escalation']).toBeGreaterThan(0);
    expect(report.stack.deadLetters).toEqual([]);

    expect(await survivorsOf(run)).toEqual([]);
  }, 180_000);

  it('keeps the stack up without a campaign and stops all of it on Ctrl-C (SIGINT)', async () => {
    const run = launch(['--no-campaign', '--gateway-port', '0']);
    try {
      await waitForOutput(run, 'the stack keeps running', 60_000);
      const gateway = /gateway (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output())![1]!;
      const health = await fetch(`${gateway}/healthz`);
      expect(health.status).toBe(200);
      run.child.kill('SIGINT');
      expect(await within(run.exited, 30_000, 'the launcher exiting on SIGINT')).toBe(130);
      expect(await survivorsOf(run)).toEqual([]);
    } finally {
      if (run.child.exitCode === null) process.kill(-run.child.pid!, 'SIGKILL');
    }
  }, 120_000);
});

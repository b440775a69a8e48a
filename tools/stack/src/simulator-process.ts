// The simulated campaign, as one more process of the stack: the simulator CLI drives the agents over
// the bus as voice agents, telephony and closer desks would, and prints its report.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';

export interface CampaignRun {
  readonly scenario: string | null;
  readonly calls: number | null;
  readonly modes: string | null;
  readonly out: string | null;
  readonly env: Record<string, string>;
}

/** Runs the simulator to completion with its output on this terminal; resolves with its exit code. */
export function runSimulator(run: CampaignRun): Promise<number> {
  const args = [
    '--enable-source-maps',
    join(workspaceRoot(), 'apps', 'simulator', 'dist', 'main.js'),
    ...(run.scenario ? ['--scenario', run.scenario] : []),
    ...(run.calls ? ['--calls', String(run.calls)] : []),
    ...(run.modes ? ['--modes', run.modes] : []),
    ...(run.out ? ['--out', run.out] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...run.env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    // Ctrl-C reaches the simulator too (same process group); the launcher stops the rest.
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
  });
}

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reapOnExit } from './reaper.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

describe('reapOnExit', () => {
  it('kills the guarded process and removes its folder when the parent dies without cleaning up', async () => {
    const parent = spawn('sleep', ['120'], { stdio: 'ignore' });
    const guarded = spawn('sleep', ['120'], { stdio: 'ignore' });
    const dir = mkdtempSync(join(tmpdir(), 'warmline-reaper-'));
    reapOnExit(guarded, dir, parent.pid);
    expect(alive(guarded.pid ?? -1)).toBe(true);

    parent.kill('SIGKILL'); // the "test process" crashes

    expect(await until(() => guarded.exitCode !== null || guarded.signalCode !== null, 5_000)).toBe(
      true,
    );
    expect(await until(() => !existsSync(dir), 5_000)).toBe(true);
  });

  it('stands down once released, leaving a stopped process alone', async () => {
    const parent = spawn('sleep', ['120'], { stdio: 'ignore' });
    const guarded = spawn('sleep', ['120'], { stdio: 'ignore' });
    const dir = mkdtempSync(join(tmpdir(), 'warmline-reaper-'));
    const release = reapOnExit(guarded, dir, parent.pid);
    release();
    parent.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 2_000));
    expect(existsSync(dir)).toBe(true);
    expect(guarded.exitCode).toBeNull();
    guarded.kill('SIGKILL');
  });
});

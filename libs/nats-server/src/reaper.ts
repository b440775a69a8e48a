// Makes sure no nats-server outlives the test process that started it, however that process ends:
// an 'exit' hook for ordinary endings, and a detached watchdog shell for a killed or crashed one.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

interface Reaped {
  pid: number;
  dir: string;
}

const live = new Set<Reaped>();
let hooked = false;

/**
 * Guards `child` (and its temp dir) until `parentPid` (this process) ends; call the returned function
 * once the child has been stopped normally.
 */
export function reapOnExit(child: ChildProcess, dir: string, parentPid = process.pid): () => void {
  if (child.pid === undefined) throw new Error('cannot guard a process that did not start');
  const entry = { pid: child.pid, dir };
  live.add(entry);
  hookExit();
  const watchdog = spawn(
    '/bin/sh',
    [
      '-c',
      'while kill -0 "$1" 2>/dev/null; do sleep 1; done; kill -9 "$2" 2>/dev/null; rm -rf "$3"',
      'warmline-reaper',
      String(parentPid),
      String(child.pid),
      dir,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  return () => {
    live.delete(entry);
    if (watchdog.pid !== undefined) killQuietly(watchdog.pid, 'SIGKILL');
  };
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const entry of live) {
      killQuietly(entry.pid, 'SIGKILL');
      rmSync(entry.dir, { recursive: true, force: true });
    }
  });
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

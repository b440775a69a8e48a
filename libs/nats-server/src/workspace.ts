import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding nx.json), found from this file's location. */
export function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('workspace root (nx.json) not found above libs/testing');
    dir = parent;
  }
  return dir;
}

/** deploy/nats/users.conf: the per-agent users and permissions the harness applies. */
export function deployedUsersConf(): string {
  return join(workspaceRoot(), 'deploy', 'nats', 'users.conf');
}

// Finds the nats-server executable: $NATS_SERVER_BIN, then PATH, then where Debian installs it.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const DEBIAN_LOCATIONS = ['/usr/sbin/nats-server', '/usr/bin/nats-server'];

/** Path of the nats-server binary; throws with the install hint when there is none. */
export function natsServerBinary(): string {
  const candidates = [
    ...(process.env['NATS_SERVER_BIN'] ? [process.env['NATS_SERVER_BIN']] : []),
    ...(process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'nats-server')),
    ...DEBIAN_LOCATIONS,
  ];
  const found = candidates.find(isExecutable);
  if (found === undefined) {
    throw new Error(
      'nats-server not found (looked at $NATS_SERVER_BIN, PATH, /usr/sbin): ' +
        "run 'bash scripts/setup.sh' or 'apt-get install -y nats-server'",
    );
  }
  return found;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

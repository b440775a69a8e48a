// Config keys that Warmline's production configs use but the nats-server on these machines (Debian's
// 2.9.10) refuses as unknown. The check removes exactly these, and only when the local server is older
// than the version that introduced them; everything else is validated by nats-server itself.

/** A key nats-server only knows from `since` on, and the values Warmline may give it. */
export interface NewerServerKey {
  readonly key: string;
  readonly since: readonly [major: number, minor: number];
  /** What the check verifies itself in place of the server. */
  readonly value: RegExp;
  readonly valueDescription: string;
}

export const NEWER_SERVER_KEYS: readonly NewerServerKey[] = [
  {
    // JetStream fsync policy (deploy/nats/cluster/common.conf explains the choice).
    key: 'sync_interval',
    since: [2, 10],
    value: /^(?:always|"always"|'always'|\d+(?:ms|s|m|h))$/,
    valueDescription: '"always" or a duration such as 2m',
  },
];

/** True when a server of `version` knows `key`. */
export function serverKnows(version: readonly number[], key: NewerServerKey): boolean {
  const [major = 0, minor = 0] = version;
  return major > key.since[0] || (major === key.since[0] && minor >= key.since[1]);
}

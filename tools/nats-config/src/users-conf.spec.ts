import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENTS, natsPasswordVariable } from '@warmline/contracts';
import { KV_BUCKETS } from '@warmline/store';
import { natsServerBinary, workspaceRoot } from '@warmline/testing';
import { agentPermissions, STORE_WRITES } from './agent-permissions.js';
import { renderUsersConf } from './users-conf.js';

const deployDir = join(workspaceRoot(), 'deploy', 'nats');

describe('deploy/nats/users.conf', () => {
  it('is what the agent table generates (run `npm run nats:config` after changing the table)', () => {
    expect(readFileSync(join(deployDir, 'users.conf'), 'utf8')).toBe(renderUsersConf());
  });

  it('gives each agent its own families, its dead-letter subject and nothing of the others', () => {
    const router = agentPermissions(AGENTS.find((a) => a.agent === 'router')!);
    expect(router.publish).toEqual(
      expect.arrayContaining(['wl.handoff.>', 'wl.telephony.>', 'wl.dlq.router']),
    );
    expect(router.publish).not.toContain('wl.decision.>');
    expect(router.publish.some((s) => s.includes('scheduler-'))).toBe(false);
    expect(router.publish.filter((s) => s.startsWith('$KV.'))).toEqual(
      STORE_WRITES.router.map((role) => `$KV.${KV_BUCKETS[role]}.>`),
    );
    expect(router.subscribe).toEqual(['_INBOX.>']);
  });

  it('keeps passwords out of the file and names the variable for every user', () => {
    const text = renderUsersConf();
    for (const user of ['admin', ...AGENTS.map((a) => a.agent)]) {
      expect(text).toContain(`password: $${natsPasswordVariable(user)}`);
    }
  });

  it('is accepted by nats-server with the single-node config, and refused without the passwords', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      WL_NATS_STORE_DIR: '/tmp/warmline-config-check',
    };
    for (const user of ['admin', ...AGENTS.map((a) => a.agent)]) {
      env[natsPasswordVariable(user)] = 'check-only';
    }
    const config = join(deployDir, 'nats-server.conf');
    expect(() =>
      execFileSync(natsServerBinary(), ['-c', config, '-t'], { env, stdio: 'pipe' }),
    ).not.toThrow();
    delete env[natsPasswordVariable('router')];
    expect(() =>
      execFileSync(natsServerBinary(), ['-c', config, '-t'], { env, stdio: 'pipe' }),
    ).toThrow(/WL_NATS_PASSWORD_ROUTER/);
  });
});

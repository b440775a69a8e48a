import { join } from 'node:path';
import { startAgentProcess } from './agent-process.js';

const entry = join(import.meta.dirname, '__fixtures__', 'fake-agent.mjs');

describe('startAgentProcess', () => {
  it('resolves once the agent logs it is ready, keeps its JSON logs, and stops it cleanly', async () => {
    const agent = await startAgentProcess({ app: 'fake', entry, env: {} });
    expect(agent.logs().map((l) => l['msg'])).toEqual(['starting', 'agent ready']);
    expect(agent.logs()[1]).toMatchObject({ consumers: 16 });
    expect(await agent.stop()).toBe(0);
    expect(agent.logs().at(-1)).toMatchObject({ msg: 'draining' });
  });

  it('kills an agent at once, as a crash would', async () => {
    const agent = await startAgentProcess({ app: 'fake', entry, env: {} });
    await agent.kill();
    expect(agent.logs().some((l) => l['msg'] === 'draining')).toBe(false);
  });

  it('fails with the agent output when it exits before it is ready', async () => {
    await expect(
      startAgentProcess({ app: 'fake', entry, env: { FAKE_AGENT_MODE: 'crash' } }),
    ).rejects.toThrow(/exited with code 3 before it was ready[\s\S]*boom: NATS_URL/);
  });

  it('names the build step when the app was never built', async () => {
    await expect(startAgentProcess({ app: 'no-such-app', env: {} })).rejects.toThrow(
      /apps\/no-such-app\/dist\/main\.js does not exist: build the app first/,
    );
  });
});

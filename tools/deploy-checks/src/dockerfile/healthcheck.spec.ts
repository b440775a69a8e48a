import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from '@warmline/nats-server';

const script = join(workspaceRoot(), 'deploy', 'docker', 'healthcheck.mjs');

/** The exit code of the image's HEALTHCHECK command with WARMLINE_HTTP_PORT = `port`. */
async function healthcheck(port: string | undefined): Promise<number> {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] };
  if (port !== undefined) env['WARMLINE_HTTP_PORT'] = port;
  try {
    await promisify(execFile)(process.execPath, [script], { env });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

describe('deploy/docker/healthcheck.mjs', () => {
  let server: Server;
  let status = 200;
  beforeAll(async () => {
    server = createServer((req, res) => res.writeHead(req.url === '/healthz' ? status : 404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (): string => String((server.address() as AddressInfo).port);

  it('is healthy when /healthz answers 2xx', async () => {
    status = 200;
    expect(await healthcheck(port())).toBe(0);
  });

  it('is unhealthy when /healthz fails or nothing listens', async () => {
    status = 503;
    expect(await healthcheck(port())).toBe(1);
    expect(await healthcheck('1')).toBe(1);
  });

  it('is healthy without a port: a CLI has no endpoint to ask', async () => {
    expect(await healthcheck(undefined)).toBe(0);
    expect(await healthcheck('')).toBe(0);
  });
});

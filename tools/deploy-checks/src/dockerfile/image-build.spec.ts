import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@warmline/nats-server';

const root = workspaceRoot();
const buildScript = join(root, 'deploy', 'docker', 'build.sh');

describe('deploy/docker/build.sh', () => {
  it("builds one app with the shared Dockerfile and tags it with the app's own version", () => {
    const version = (
      JSON.parse(readFileSync(join(root, 'apps', 'perception', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const command = execFileSync('bash', [buildScript, '--dry-run', 'perception'], {
      encoding: 'utf8',
    });
    expect(command).toContain(`--file ${join(root, 'deploy', 'docker', 'Dockerfile')}`);
    expect(command).toContain('--build-arg APP=perception');
    expect(command).toContain(`--build-arg VERSION=${version}`);
    expect(command).toContain(`--tag warmline/perception:${version}`);
  });

  it('takes the repository prefix from WARMLINE_IMAGE_REPOSITORY', () => {
    const command = execFileSync('bash', [buildScript, '--dry-run', 'perception'], {
      encoding: 'utf8',
      env: { ...process.env, WARMLINE_IMAGE_REPOSITORY: 'registry.example.com/wl' },
    });
    expect(command).toContain('--tag registry.example.com/wl/perception:');
  });

  it('refuses a name that is not an app with an entry point', () => {
    for (const app of ['no-such-app', 'e2e']) {
      const run = spawnSync('bash', [buildScript, '--dry-run', app], { encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`no app "${app}"`);
    }
  });
});

describe('deploy/docker/nx-docker-targets.js', () => {
  it('gives every app with src/main.ts a docker-build target, and nothing else', async () => {
    const plugin = (await import(join(root, 'deploy', 'docker', 'nx-docker-targets.js'))) as {
      createNodes: [
        string,
        (
          files: string[],
          options: unknown,
          context: { workspaceRoot: string },
        ) => Array<
          [
            string,
            {
              projects: Record<
                string,
                { targets: Record<string, { options: { command: string } }> }
              >;
            },
          ]
        >,
      ];
    };
    const [pattern, createNodes] = plugin.createNodes;
    expect(pattern).toBe('apps/*/project.json');
    const results = createNodes(
      ['apps/perception/project.json', 'apps/e2e/project.json'],
      undefined,
      { workspaceRoot: root },
    );
    expect(results).toHaveLength(1);
    const [file, { projects }] = results[0]!;
    expect(file).toBe('apps/perception/project.json');
    expect(projects['apps/perception']!.targets['docker-build']!.options.command).toBe(
      'bash deploy/docker/build.sh {projectName}',
    );
  });
});

describe('deploy/docker/Dockerfile.dockerignore', () => {
  const ignored = readFileSync(join(root, 'deploy', 'docker', 'Dockerfile.dockerignore'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('keeps installed output, local state and env files out of the build context', () => {
    expect(ignored).toEqual(
      expect.arrayContaining(['.git', '**/node_modules', '**/dist', 'tmp', '**/.env', '**/.env.*']),
    );
  });

  it('keeps what the image build needs in it', () => {
    for (const needed of ['deploy/docker', 'package-lock.json', '.npmrc', 'apps', 'libs']) {
      expect(
        ignored.some((pattern) => pattern === needed || needed.startsWith(`${pattern}/`)),
      ).toBe(false);
    }
  });
});

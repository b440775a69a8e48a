// Nx inference plugin: every app with an entry point (apps/<app>/src/main.ts) gets a `docker-build`
// target that builds and tags its own image (deploy/docker/build.sh), so `nx run perception:docker-build`,
// `nx run-many -t docker-build` and `nx affected -t docker-build` work without touching any
// project.json. Registered once in nx.json: "plugins": ["./deploy/docker/nx-docker-targets.js"].
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The target every app receives; Nx replaces {projectName} when it runs. */
export const DOCKER_BUILD_TARGET = {
  executor: 'nx:run-commands',
  // The image is built from a clean copy of the sources inside Docker; Nx's cache cannot hold it.
  cache: false,
  options: { command: 'bash deploy/docker/build.sh {projectName}' },
};

export const createNodes = [
  'apps/*/project.json',
  (projectFiles, _options, context) =>
    projectFiles
      .filter((file) => existsSync(join(context.workspaceRoot, dirname(file), 'src', 'main.ts')))
      .map((file) => [
        file,
        { projects: { [dirname(file)]: { targets: { 'docker-build': DOCKER_BUILD_TARGET } } } },
      ]),
];

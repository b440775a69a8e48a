// The checks the command line offers, each turning its arguments into findings (and notes on what it
// could not check). scripts/deploy-check.sh runs every one of them on deploy/.
import { readFileSync } from 'node:fs';
import { natsServerBinary } from '@warmline/nats-server';
import { checkCompose } from './compose/check-compose.js';
import { lintDockerfile } from './dockerfile/lint-dockerfile.js';
import { UsageError } from './errors.js';
import type { Finding } from './finding.js';
import { checkManifests } from './manifests/check-manifests.js';
import { kustomizeVersion, renderKustomization } from './manifests/kustomize.js';
import { chartValuesFindings } from './nats/chart-values.js';
import { checkNatsConfigs } from './nats/check-nats-configs.js';
import { natsServerVersion } from './nats/nats-server-version.js';
import { checkPolicyFiles } from './policy/check-policy-files.js';

export interface CheckOutcome {
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
}

export interface Command {
  readonly usage: string;
  run(args: readonly string[]): Promise<CheckOutcome>;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  dockerfile: {
    usage: 'dockerfile <Dockerfile>…',
    run: async (files) =>
      outcome(
        atLeastOne(files, 'a Dockerfile').flatMap((f) =>
          lintDockerfile(f, readFileSync(f, 'utf8')),
        ),
      ),
  },
  kustomize: {
    usage: 'kustomize <kustomization folder>…',
    run: async (folders) => {
      const version = kustomizeVersion();
      const findings: Finding[] = [];
      for (const folder of atLeastOne(folders, 'a kustomization folder')) {
        const rendered = renderKustomization(folder);
        findings.push(
          ...('finding' in rendered
            ? [rendered.finding]
            : await checkManifests(folder, rendered.yaml)),
        );
      }
      return { findings, notes: [`rendered with kubectl's kustomize ${version}`] };
    },
  },
  manifests: {
    usage: 'manifests <rendered.yaml>…',
    run: async (files) => {
      const findings: Finding[] = [];
      for (const file of atLeastOne(files, 'a rendered manifest file')) {
        findings.push(...(await checkManifests(file, readFileSync(file, 'utf8'))));
      }
      return outcome(findings);
    },
  },
  compose: {
    usage: 'compose <docker-compose.yml> <.env.example>',
    run: async (args) => {
      const [file, envFile] = args;
      if (file === undefined || envFile === undefined || args.length !== 2) {
        throw new UsageError('compose needs the compose file and its env example');
      }
      return outcome(checkCompose(file, envFile));
    },
  },
  nats: {
    usage: 'nats [--root <folder>] <server config>…',
    run: async (args) => {
      const rootAt = args.indexOf('--root');
      const root = rootAt === -1 ? undefined : args[rootAt + 1];
      const configs = args.filter((_, i) => rootAt === -1 || (i !== rootAt && i !== rootAt + 1));
      const binary = natsServerBinary();
      const serverVersion = natsServerVersion(binary);
      const result = checkNatsConfigs(atLeastOne(configs, 'a server config'), {
        binary,
        serverVersion,
        ...(root === undefined ? {} : { root }),
      });
      return {
        findings: result.findings,
        notes: [`validated with ${binary} ${serverVersion.join('.')}`, ...result.notes],
      };
    },
  },
  'nats-chart-values': {
    usage: 'nats-chart-values <values.yaml>',
    run: async (files) =>
      outcome(
        atLeastOne(files, 'a values file').flatMap((f) =>
          chartValuesFindings(f, readFileSync(f, 'utf8')),
        ),
      ),
  },
  policies: {
    usage: 'policies <policy file>…',
    run: async (files) => outcome(checkPolicyFiles(atLeastOne(files, 'a policy file'))),
  },
};

function outcome(findings: readonly Finding[]): CheckOutcome {
  return { findings, notes: [] };
}

function atLeastOne(args: readonly string[], what: string): readonly string[] {
  if (args.length === 0) throw new UsageError(`name ${what} to check`);
  return args;
}

// Warmline's rules for the images it ships, on top of the syntax check: what a platform team would
// reject in review. Each rule has a stable id (findings name it) and says why it exists.
import { Env, ModifiableInstruction, type Instruction } from 'dockerfile-ast';
import type { BuildStage, ParsedDockerfile } from './build-stages.js';
import { parseImageReference, unpinnedReason } from './image-reference.js';

/** What a rule reports; the linter adds the file and the rule's id. */
export interface RuleFinding {
  readonly line: number;
  readonly message: string;
}

export interface DockerfileRule {
  readonly id: string;
  readonly why: string;
  check(parsed: ParsedDockerfile): readonly RuleFinding[];
}

/** Names of build arguments and variables that would carry a secret into the image's history. */
const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|SEED|PRIVATE_?KEY|API_?KEYS?|CREDENTIALS?/i;

export const DOCKERFILE_RULES: readonly DockerfileRule[] = [
  {
    id: 'base-image-pinned',
    why: 'a rebuild must start from the same base image: a tag naming at least major.minor, or a digest',
    check: (parsed) => baseImageFindings(parsed, (tag) => tag !== 'latest' && tag !== null),
  },
  {
    id: 'no-latest',
    why: '"latest" (or no tag) changes under you and says nothing about what runs',
    check: (parsed) => baseImageFindings(parsed, (tag) => tag === 'latest' || tag === null),
  },
  {
    id: 'non-root-user',
    why: 'the shipped image runs as a numeric, unprivileged user (Kubernetes runAsNonRoot can only verify a number)',
    check: ({ stages }) => nonRootFindings(finalStage(stages)),
  },
  {
    id: 'healthcheck',
    why: 'the shipped image says how to tell it is alive',
    check: ({ stages }) => {
      const final = finalStage(stages);
      const checks = byKeyword(final, 'HEALTHCHECK');
      const last = checks.at(-1);
      if (last === undefined) return [at(final.line, 'the final stage has no HEALTHCHECK')];
      if (firstArgument(last).toUpperCase() === 'NONE') {
        return [at(lineOf(last), 'HEALTHCHECK NONE disables the health check')];
      }
      return [];
    },
  },
  {
    id: 'no-secrets-in-env-arg',
    why: 'ENV values and build arguments are stored in the image and its history; secrets come at run time',
    check: ({ stages }) => stages.flatMap(secretFindings),
  },
  {
    id: 'explicit-chown',
    why: 'files copied into the shipped image state their owner (root for code the process must not change)',
    check: ({ stages }) =>
      [...byKeyword(finalStage(stages), 'COPY'), ...byKeyword(finalStage(stages), 'ADD')]
        .filter((instruction) => flagValue(instruction, 'chown') === undefined)
        .map((instruction) =>
          at(lineOf(instruction), `${instruction.getKeyword()} without --chown=<uid>:<gid>`),
        ),
  },
  {
    id: 'no-add',
    why: 'ADD also downloads URLs and unpacks archives; COPY does only what it says',
    check: ({ stages }) =>
      stages
        .flatMap((stage) => byKeyword(stage, 'ADD'))
        .map((instruction) => at(lineOf(instruction), 'use COPY instead of ADD')),
  },
  {
    id: 'exec-form-entrypoint',
    why: 'in exec form the process is PID 1 and receives SIGTERM (the agents drain on it); a shell would swallow it',
    check: ({ stages }) => {
      const final = finalStage(stages);
      const starts = [...byKeyword(final, 'ENTRYPOINT'), ...byKeyword(final, 'CMD')];
      if (starts.length === 0) return [at(final.line, 'the final stage has no ENTRYPOINT or CMD')];
      return starts
        .filter((instruction) => !isExecForm(instruction))
        .map((instruction) =>
          at(
            lineOf(instruction),
            `${instruction.getKeyword()} in shell form; write it as a JSON array`,
          ),
        );
    },
  },
];

function baseImageFindings(
  { stages }: ParsedDockerfile,
  applies: (tag: string | null) => boolean,
): RuleFinding[] {
  const stageNames = new Set<string>();
  const findings: RuleFinding[] = [];
  const checkImage = (written: string, resolved: string | null, line: number): void => {
    if (stageNames.has(written.toLowerCase()) || written === 'scratch' || /^\d+$/.test(written)) {
      return;
    }
    if (resolved === null) {
      if (applies('')) {
        findings.push(at(line, `${written} uses a build argument without a default`));
      }
      return;
    }
    const image = parseImageReference(resolved);
    const reason = unpinnedReason(image);
    if (reason !== null && applies(image.tag)) findings.push(at(line, `${resolved} ${reason}`));
  };
  for (const stage of stages) {
    checkImage(stage.baseImageAsWritten, stage.baseImage, stage.line);
    for (const copy of byKeyword(stage, 'COPY')) {
      const source = flagValue(copy, 'from');
      if (source !== undefined && source !== null) checkImage(source, source, lineOf(copy));
    }
    if (stage.name !== null) stageNames.add(stage.name.toLowerCase());
  }
  return findings;
}

function nonRootFindings(final: BuildStage): RuleFinding[] {
  const users = byKeyword(final, 'USER');
  const last = users.at(-1);
  if (last === undefined) {
    return [at(final.line, 'the final stage runs as root: add USER <uid>:<gid>')];
  }
  const user = firstArgument(last).split(':')[0] ?? '';
  if (user === 'root' || user === '0') return [at(lineOf(last), 'the final stage runs as root')];
  if (!/^\d+$/.test(user)) {
    return [at(lineOf(last), `USER ${user} is a name; use its numeric UID`)];
  }
  return [];
}

function secretFindings(stage: BuildStage): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const instruction of stage.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'ARG') {
      for (const name of argumentNames(instruction)) {
        if (SECRET_NAME.test(name)) {
          findings.push(
            at(
              lineOf(instruction),
              `build argument ${name} looks like a secret; use a BuildKit secret mount`,
            ),
          );
        }
      }
    } else if (keyword === 'ENV') {
      for (const [name, value] of environmentPairs(instruction)) {
        if (SECRET_NAME.test(name) && value !== '') {
          findings.push(
            at(
              lineOf(instruction),
              `ENV ${name} puts a secret into the image; pass it at run time`,
            ),
          );
        }
      }
    }
  }
  return findings;
}

function finalStage(stages: readonly BuildStage[]): BuildStage {
  const last = stages.at(-1);
  return last ?? { name: null, baseImage: null, baseImageAsWritten: '', line: 1, instructions: [] };
}

function byKeyword(stage: BuildStage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
}

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

function firstArgument(instruction: Instruction): string {
  return instruction.getArguments()[0]?.getValue() ?? '';
}

/** The value of `--name=value` on COPY / ADD / FROM; undefined when the flag is absent. */
function flagValue(instruction: Instruction, name: string): string | null | undefined {
  if (!(instruction instanceof ModifiableInstruction)) return undefined;
  const flag = instruction.getFlags().find((f) => f.getName() === name);
  return flag === undefined ? undefined : flag.getValue();
}

function argumentNames(instruction: Instruction): string[] {
  return instruction.getArguments().map((argument) => argument.getValue().split('=')[0] ?? '');
}

function environmentPairs(instruction: Instruction): Array<[string, string]> {
  if (!(instruction instanceof Env)) return [];
  return instruction
    .getProperties()
    .map((property) => [property.getName(), property.getValue() ?? '']);
}

function isExecForm(instruction: Instruction): boolean {
  const raw = instruction.getRawArgumentsContent()?.trim() ?? '';
  if (!raw.startsWith('[')) return false;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string');
  } catch {
    return false;
  }
}

function at(line: number, message: string): RuleFinding {
  return { line, message };
}

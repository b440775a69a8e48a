// A Dockerfile as its build stages: each FROM with its base image resolved from the global build
// arguments' defaults (what `docker build` uses without --build-arg), and the instructions under it.
import { DockerfileParser, From, type Dockerfile, type Instruction } from 'dockerfile-ast';

/** One `FROM … [AS name]` and the instructions that follow it. */
export interface BuildStage {
  readonly name: string | null;
  /** The base image with build-argument defaults substituted; null when a variable has no default. */
  readonly baseImage: string | null;
  /** The FROM argument as written, e.g. `${NODE_IMAGE}`. */
  readonly baseImageAsWritten: string;
  /** 1-based line of the FROM. */
  readonly line: number;
  readonly instructions: readonly Instruction[];
}

/** The parsed file and its stages, in order (the last one is the image that ships). */
export interface ParsedDockerfile {
  readonly dockerfile: Dockerfile;
  readonly stages: readonly BuildStage[];
}

/** Parses `text` into build stages. */
export function parseBuildStages(text: string): ParsedDockerfile {
  const dockerfile = DockerfileParser.parse(text);
  const globalArgs = new Map<string, string | null>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property !== null) globalArgs.set(property.getName(), property.getValue());
  }
  const stages: BuildStage[] = [];
  let current: { from: From; instructions: Instruction[] } | null = null;
  const close = (): void => {
    if (current === null) return;
    const written = current.from.getImage() ?? '';
    stages.push({
      name: current.from.getBuildStage(),
      baseImage: substitute(written, globalArgs),
      baseImageAsWritten: written,
      line: current.from.getRange().start.line + 1,
      instructions: current.instructions,
    });
  };
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof From) {
      close();
      current = { from: instruction, instructions: [] };
    } else if (current !== null) {
      current.instructions.push(instruction);
    }
  }
  close();
  return { dockerfile, stages };
}

/** `$NAME`, `${NAME}` and `${NAME:-fallback}` replaced from `args`; null when one has no value. */
export function substitute(text: string, args: ReadonlyMap<string, string | null>): string | null {
  let unresolved = false;
  const result = text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (
      _match,
      braced: string | undefined,
      fallback: string | undefined,
      bare: string | undefined,
    ) => {
      const value = args.get(braced ?? bare ?? '') ?? null;
      if (value !== null && value !== '') return value;
      if (fallback !== undefined) return fallback;
      unresolved = true;
      return '';
    },
  );
  return unresolved ? null : result;
}

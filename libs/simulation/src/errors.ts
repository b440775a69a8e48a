// Every error of this library carries a stable `code`. A bad scenario is a start-up error (the
// simulator refuses to run and prints every problem); the others mean the caller passed impossible
// input, which is a bug in the wiring rather than in the scenario.
import type { DocumentProblem } from '@warmline/policy';

/** Every code a SimulationError can carry. */
export type SimulationErrorCode = 'SCENARIO_INVALID' | 'SIMULATION_INPUT_INVALID';

/** Base class of every error thrown by @warmline/simulation. */
export abstract class SimulationError extends Error {
  abstract readonly code: SimulationErrorCode;
}

/** True when `err` is one of this library's errors. */
export function isSimulationError(err: unknown): err is SimulationError {
  return err instanceof SimulationError;
}

/** One thing wrong with a scenario document. */
export type ScenarioProblem = DocumentProblem;

/** A scenario document failed to parse or validate; `problems` lists every problem found. */
export class ScenarioInvalidError extends SimulationError {
  readonly code = 'SCENARIO_INVALID';

  constructor(
    /** Where the document came from, e.g. "default.scenario.yaml". */
    readonly source: string,
    readonly problems: readonly ScenarioProblem[],
  ) {
    super(
      `scenario ${source} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((problem) => `  ${describeProblem(source, problem)}`).join('\n'),
    );
    this.name = 'ScenarioInvalidError';
  }

  /** One line per problem: "<source>: <path>: <message> (line N)". */
  get lines(): string[] {
    return this.problems.map((problem) => describeProblem(this.source, problem));
  }
}

function describeProblem(source: string, { path, message, line }: ScenarioProblem): string {
  const where = path === '' ? source : `${source}: ${path}`;
  return `${where}: ${message}${line === undefined ? '' : ` (line ${line})`}`;
}

/** A function of this library got an argument no result can be computed from. */
export class SimulationInputError extends SimulationError {
  readonly code = 'SIMULATION_INPUT_INVALID';

  constructor(
    /** The offending argument or field, e.g. "callIndex" or "outcomes[3].mode". */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimulationInputError';
  }
}

// Every error of this library carries a stable `code`. Policy errors are start-up errors (the
// governor refuses to run on a bad policy); the others mean the caller passed impossible input.
import type { DocumentProblem } from './document-reader.js';
import type { InteractionEvent, InteractionPhase } from './interaction-phase.js';

/** Every code a PolicyLibError can carry. */
export type PolicyErrorCode =
  | 'POLICY_INVALID'
  | 'POLICY_CONFLICT'
  | 'ILLEGAL_TRANSITION'
  | 'ESCALATION_INPUT_INVALID'
  | 'INTERACTION_RECORD_INVALID'
  | 'RATE_WINDOW_INVALID';

/** Base class of every error thrown by @warmline/policy. */
export abstract class PolicyLibError extends Error {
  abstract readonly code: PolicyErrorCode;
}

/** True when `err` is one of this library's errors. */
export function isPolicyLibError(err: unknown): err is PolicyLibError {
  return err instanceof PolicyLibError;
}

/** One thing wrong with a policy document. */
export type PolicyProblem = DocumentProblem;

/** A policy document failed to parse or validate; `problems` lists every problem found. */
export class PolicyInvalidError extends PolicyLibError {
  readonly code = 'POLICY_INVALID';

  constructor(
    /** Where the document came from, e.g. "default.policy.yaml". */
    readonly source: string,
    readonly problems: readonly PolicyProblem[],
    options?: { cause?: unknown },
  ) {
    super(
      `policy ${source} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((problem) => `  ${describeProblem(source, problem)}`).join('\n'),
      options,
    );
    this.name = 'PolicyInvalidError';
  }

  /** One line per problem: "<source>: <path>: <message>". */
  get lines(): string[] {
    return this.problems.map((problem) => describeProblem(this.source, problem));
  }
}

function describeProblem(source: string, { path, message, line }: PolicyProblem): string {
  const where = path === '' ? source : `${source}: ${path}`;
  return `${where}: ${message}${line === undefined ? '' : ` (line ${line})`}`;
}

/** Two policies of one PolicyBook claim the same campaign (or both claim "*"), or share an id. */
export class PolicyConflictError extends PolicyLibError {
  readonly code = 'POLICY_CONFLICT';

  constructor(message: string) {
    super(message);
    this.name = 'PolicyConflictError';
  }
}

/** An interaction was asked to move in a way its lifecycle does not allow. */
export class IllegalTransitionError extends PolicyLibError {
  readonly code = 'ILLEGAL_TRANSITION';

  constructor(
    readonly phase: InteractionPhase,
    readonly event: InteractionEvent,
  ) {
    super(`interaction in phase ${phase} cannot take event ${event}`);
    this.name = 'IllegalTransitionError';
  }
}

/** evaluateEscalation / evaluateRevocation got input no decision can be made on. */
export class EscalationInputError extends PolicyLibError {
  readonly code = 'ESCALATION_INPUT_INVALID';

  constructor(
    /** The offending input field, e.g. "state.version". */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'EscalationInputError';
  }
}

/** An InteractionRecord update does not fit the record (e.g. an authorisation without its grant). */
export class InteractionRecordError extends PolicyLibError {
  readonly code = 'INTERACTION_RECORD_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'InteractionRecordError';
  }
}

/** A RateWindow was created or queried with impossible options (span, size, window length). */
export class RateWindowError extends PolicyLibError {
  readonly code = 'RATE_WINDOW_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'RateWindowError';
  }
}

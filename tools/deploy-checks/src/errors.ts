// Errors of the checks themselves (not findings in the checked files): a tool that is missing or too
// old, or a command line that names nothing to check. Each carries a stable code.

export type DeployCheckErrorCode = 'TOOL_UNAVAILABLE' | 'USAGE';

/** Base class of this project's errors. */
export abstract class DeployCheckError extends Error {
  abstract readonly code: DeployCheckErrorCode;
}

/** A program a check runs is not installed or not usable here. */
export class ToolUnavailableError extends DeployCheckError {
  readonly code = 'TOOL_UNAVAILABLE';

  constructor(
    readonly tool: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${tool}: ${detail}`, options);
    this.name = 'ToolUnavailableError';
  }
}

/** The command line asks for something the checker does not do. */
export class UsageError extends DeployCheckError {
  readonly code = 'USAGE';

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

// The simulator's own errors, each with a stable code: a bad command line, a bad environment, a
// scenario the campaign cannot run as asked. They stop the run before anything is published.

/** Every code a SimulatorError carries. */
export type SimulatorErrorCode =
  | 'CLI_USAGE'
  | 'SIMULATOR_CONFIG_INVALID'
  | 'CAMPAIGN_INVALID'
  | 'BROKER_UNREACHABLE';

/** Base class of the simulator's errors. */
export abstract class SimulatorError extends Error {
  abstract readonly code: SimulatorErrorCode;
}

/** A command-line option is unknown, missing its value or has a bad one; names the option. */
export class CliUsageError extends SimulatorError {
  readonly code = 'CLI_USAGE';

  constructor(
    readonly option: string,
    problem: string,
  ) {
    super(`${option}: ${problem}`);
    this.name = 'CliUsageError';
  }
}

/** An environment variable is missing or invalid; names it. */
export class SimulatorConfigError extends SimulatorError {
  readonly code = 'SIMULATOR_CONFIG_INVALID';

  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'SimulatorConfigError';
  }
}

/** The campaign cannot run as asked (e.g. a mode the scenario has no policy for). */
export class CampaignInvalidError extends SimulatorError {
  readonly code = 'CAMPAIGN_INVALID';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'CampaignInvalidError';
  }
}

/** The broker could not be reached (or refused the simulator's user) at start-up. */
export class BrokerUnreachableError extends SimulatorError {
  readonly code = 'BROKER_UNREACHABLE';

  constructor(
    readonly servers: readonly string[],
    readonly user: string | undefined,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      `cannot connect to NATS at ${servers.join(', ')} as ${user === undefined ? 'no user' : `user "${user}"`}: ${reason}`,
      options,
    );
    this.name = 'BrokerUnreachableError';
  }
}

/** True when `err` is one of the simulator's own errors. */
export function isSimulatorError(err: unknown): err is SimulatorError {
  return err instanceof SimulatorError;
}

/** A configuration value is missing or invalid; names the environment variable and what is expected. */
export class AgentConfigError extends Error {
  readonly code = 'AGENT_CONFIG_INVALID';

  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'AgentConfigError';
  }
}

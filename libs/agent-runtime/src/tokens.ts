/** The agent's WarmlineStore. */
export const STORE: unique symbol = Symbol('warmline.store');

/** The agent's validated AgentConfig. */
export const AGENT_CONFIG: unique symbol = Symbol('warmline.agent-config');

/** The agent's CheckpointedSteps. */
export const STEPS: unique symbol = Symbol('warmline.checkpointed-steps');

/** The agent's AgentLogger. */
export const AGENT_LOGGER: unique symbol = Symbol('warmline.agent-logger');

/** The agent's AgentMetrics (Prometheus registry). */
export const AGENT_METRICS: unique symbol = Symbol('warmline.agent-metrics');

// The provider every agent's metrics class needs: built on the agent's registry and told of every
// checkpointed step's performed effects, so outcomes are counted once whichever replica performs them.
import type { FactoryProvider } from '@nestjs/common';
import type { AgentMetrics } from '@warmline/telemetry';
import type { CheckpointedSteps, StepObserver } from './checkpointed-step.js';
import { AGENT_METRICS, STEPS } from './tokens.js';

/** Provides `type`, constructed with the agent's AgentMetrics and observing the agent's steps. */
export function stepMetricsProvider<M extends StepObserver>(
  type: new (metrics: AgentMetrics) => M,
): FactoryProvider<M> {
  return {
    provide: type,
    useFactory: (metrics: AgentMetrics, steps: CheckpointedSteps) =>
      steps.observe(new type(metrics)),
    inject: [AGENT_METRICS, STEPS],
  };
}

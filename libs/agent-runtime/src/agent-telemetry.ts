// The process-wide telemetry of an agent: tracing set up once, and one metrics registry shared by the
// transport (consumer side), the client (publisher side) and the agent's own code.
import { AgentMetrics, startTelemetry, type Telemetry } from '@warmline/telemetry';

let telemetry: Telemetry | null = null;
const metricsByAgent = new Map<string, AgentMetrics>();
const shutdownTasks: Array<() => Promise<void>> = [];

/** Starts tracing for this process (once); later calls return the first set-up. */
export function agentTelemetry(agent: string, instance: string, env: NodeJS.ProcessEnv): Telemetry {
  if (telemetry === null) {
    const started = startTelemetry({ service: agent, instance, env });
    telemetry = started;
    onAgentShutdown(() => started.shutdown());
  }
  return telemetry;
}

/** Registers work for the end of the agent's shutdown (after consumers stopped), e.g. closing ports. */
export function onAgentShutdown(task: () => Promise<void>): void {
  shutdownTasks.push(task);
}

/** Runs the registered shutdown work, newest first; failures are swallowed (the process is ending). */
export async function runAgentShutdown(): Promise<void> {
  for (const task of shutdownTasks.splice(0).reverse()) await task().catch(() => undefined);
}

/** The metrics registry of `agent` in this process. */
export function agentMetrics(agent: string): AgentMetrics {
  let metrics = metricsByAgent.get(agent);
  if (!metrics) {
    metrics = new AgentMetrics(agent, () => telemetry?.droppedSpans() ?? 0);
    metricsByAgent.set(agent, metrics);
  }
  return metrics;
}

// The gateway's Prometheus series: requests by route template and status, and how long they took.
// Routes are labelled by their template (/v1/interactions/:interactionId/events), never by the path
// a caller sent, so interaction ids cannot blow up the series count.
import type { agentMetrics } from '@warmline/agent-runtime';

type AgentMetrics = ReturnType<typeof agentMetrics>;

/** The route label of a request no route matched (404s, probes of unknown paths). */
export const UNMATCHED_ROUTE = 'unmatched';

const byRegistry = new WeakMap<AgentMetrics, HttpMetrics>();

export class HttpMetrics {
  private readonly requests;
  private readonly duration;

  /** The HTTP series of `metrics` (registered once per registry, however many apps share it). */
  static of(metrics: AgentMetrics): HttpMetrics {
    let series = byRegistry.get(metrics);
    if (!series) {
      series = new HttpMetrics(metrics);
      byRegistry.set(metrics, series);
    }
    return series;
  }

  private constructor(metrics: AgentMetrics) {
    this.requests = metrics.counter(
      'warmline_http_requests_total',
      'HTTP requests answered by the gateway, by method, route template and status code.',
      ['method', 'route', 'status'],
    );
    this.duration = metrics.histogram(
      'warmline_http_request_duration_seconds',
      'Time from receiving a request to its answer (202 means JetStream stored the events).',
      ['method', 'route'],
    );
  }

  /** Records one answered (or abandoned) request. */
  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.duration.observe({ method, route }, seconds);
  }
}

// Prometheus metrics of one agent: what every agent has (messages settled by outcome, handling time,
// consumer lag, dropped spans) and a place for each agent's own (decision latency, transfers by
// reason, grants issued/refused, closer utilisation), all in one registry served at /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; from sub-millisecond bus handling up to slow store or telephony round trips. */
export const LATENCY_BUCKETS_S = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** What the bus reports per settled message (the shape of @warmline/bus's SettledMessage). */
export interface SettledMessageLike {
  readonly family: string;
  readonly action: string;
  readonly reason?: string;
  readonly durationMs: number;
  readonly partition: number;
  readonly pending: number;
}

export class AgentMetrics {
  readonly registry = new Registry();
  private readonly scrapeHooks: Array<() => void> = [];
  private readonly settled: Counter<'family' | 'action' | 'reason'>;
  private readonly handling: Histogram<'family'>;
  private readonly lag: Gauge<'family' | 'partition'>;

  constructor(
    readonly agent: string,
    droppedSpans: () => number = () => 0,
  ) {
    this.registry.setDefaultLabels({ agent });
    collectDefaultMetrics({ register: this.registry, prefix: 'warmline_process_' });
    this.settled = this.counter(
      'warmline_messages_settled_total',
      'Messages handled by the agent, by family and settlement (ack, nak, dead-letter, kept) and dead-letter reason.',
      ['family', 'action', 'reason'],
    );
    this.handling = this.histogram(
      'warmline_message_handling_seconds',
      'Time from delivery to settlement of a message, handler included.',
      ['family'],
    );
    this.lag = this.gauge(
      'warmline_consumer_lag_messages',
      'Messages waiting in a partition consumer after the last one handled.',
      ['family', 'partition'],
    );
    const dropped = this.gauge(
      'warmline_spans_dropped',
      'Spans dropped since start because the trace export queue was full.',
      [],
    );
    this.collectOnScrape(() => dropped.set(droppedSpans()));
  }

  /** Records one settled bus message. */
  onSettled(message: SettledMessageLike): void {
    this.settled.inc({
      family: message.family,
      action: message.action,
      reason: message.reason ?? '',
    });
    this.handling.observe({ family: message.family }, message.durationMs / 1000);
    this.lag.set({ family: message.family, partition: String(message.partition) }, message.pending);
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames: [...labelNames], registers: [this.registry] });
  }

  histogram<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    buckets: readonly number[] = LATENCY_BUCKETS_S,
  ): Histogram<L> {
    return new Histogram({
      name,
      help,
      labelNames: [...labelNames],
      buckets: [...buckets],
      registers: [this.registry],
    });
  }

  gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames: [...labelNames], registers: [this.registry] });
  }

  /** Content type of `text()`. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Runs `hook` before every scrape (to refresh gauges computed on demand). */
  collectOnScrape(hook: () => void): void {
    this.scrapeHooks.push(hook);
  }

  /** Refreshes on-demand gauges, then renders. */
  async scrape(): Promise<string> {
    for (const hook of this.scrapeHooks) hook();
    return this.registry.metrics();
  }
}

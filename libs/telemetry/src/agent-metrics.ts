// Prometheus metrics of one agent: what every agent has (messages settled by outcome, handling time,
// consumer lag, dropped spans) and a place for each agent's own (decision latency, transfers by
// reason, grants issued/refused, closer utilisation), all in one registry served at /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; from sub-millisecond bus handling up to slow store or telephony round trips. */
export const LATENCY_BUCKETS_S = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** Longest a scrape waits for an on-demand refresh (e.g. a store read); a slower one keeps its last values. */
export const SCRAPE_HOOK_TIMEOUT_MS = 1_000;

/** Refreshes gauges before a scrape; may read the store (async). */
export type ScrapeHook = () => void | Promise<void>;

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
  private readonly scrapeHooks: ScrapeHook[] = [];
  private readonly settled: Counter<'family' | 'action' | 'reason'>;
  private readonly handling: Histogram<'family'>;
  private readonly lag: Gauge<'family' | 'partition'>;
  private readonly hookFailures: Counter;

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
    this.hookFailures = this.counter(
      'warmline_metrics_refresh_failures_total',
      'On-demand gauge refreshes that failed or took longer than the scrape waits; their gauges kept their last values.',
      [],
    );
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

  /**
   * Runs `hook` before every scrape (to refresh gauges computed on demand). A hook that throws or
   * takes longer than `SCRAPE_HOOK_TIMEOUT_MS` does not fail the scrape: its gauges keep their last
   * values and `warmline_metrics_refresh_failures_total` counts it.
   */
  collectOnScrape(hook: ScrapeHook): void {
    this.scrapeHooks.push(hook);
  }

  /** Refreshes on-demand gauges (concurrently), then renders. */
  async scrape(): Promise<string> {
    const refreshed = await Promise.all(
      this.scrapeHooks.map((hook) => within(SCRAPE_HOOK_TIMEOUT_MS, hook)),
    );
    for (const ok of refreshed) if (!ok) this.hookFailures.inc();
    return this.registry.metrics();
  }
}

// True when `hook` finished without error inside `ms`.
async function within(ms: number, hook: ScrapeHook): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const run = (async () => {
    await hook();
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
  }
}

import { AgentMetrics, SCRAPE_HOOK_TIMEOUT_MS } from './agent-metrics.js';
import { enumLabel } from './enum-label.js';

describe('AgentMetrics', () => {
  it('counts settled messages, times them, tracks lag and renders Prometheus text', async () => {
    let dropped = 0;
    const metrics = new AgentMetrics('router', () => dropped);
    metrics.onSettled({
      family: 'decision',
      action: 'ack',
      durationMs: 3,
      partition: 4,
      pending: 2,
    });
    metrics.onSettled({
      family: 'decision',
      action: 'dead-letter',
      reason: 'GRANT_REFUSED',
      durationMs: 1,
      partition: 4,
      pending: 0,
    });
    const grants = metrics.counter('warmline_grants_refused_total', 'Grants refused, by code.', [
      'code',
    ]);
    grants.inc({ code: 'GRANT_EXPIRED' });
    dropped = 7;
    const text = await metrics.scrape();
    expect(text).toContain(
      'warmline_messages_settled_total{family="decision",action="ack",reason="",agent="router"} 1',
    );
    expect(text).toContain(
      'warmline_messages_settled_total{family="decision",action="dead-letter",reason="GRANT_REFUSED",agent="router"} 1',
    );
    expect(text).toContain(
      'warmline_consumer_lag_messages{family="decision",partition="4",agent="router"} 0',
    );
    expect(text).toContain(
      'warmline_message_handling_seconds_count{agent="router",family="decision"} 2',
    );
    expect(text).toContain('warmline_grants_refused_total{code="GRANT_EXPIRED",agent="router"} 1');
    expect(text).toContain('warmline_spans_dropped{agent="router"} 7');
    expect(metrics.contentType).toContain('text/plain');
  });
});

describe('AgentMetrics on-demand gauges', () => {
  it('awaits async refreshes before rendering', async () => {
    const metrics = new AgentMetrics('router');
    const seats = metrics.gauge('warmline_closer_seats_held', 'Seats held.', []);
    let held = 0;
    metrics.collectOnScrape(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seats.set(held);
    });
    held = 3;
    expect(await metrics.scrape()).toContain('warmline_closer_seats_held{agent="router"} 3');
  });

  it('keeps the last value and counts the failure when a refresh throws or hangs', async () => {
    const metrics = new AgentMetrics('router');
    const seats = metrics.gauge('warmline_closer_seats_held', 'Seats held.', []);
    let mode: 'ok' | 'throw' | 'hang' = 'ok';
    metrics.collectOnScrape(() => {
      if (mode === 'throw') throw new Error('store down');
      if (mode === 'hang') return new Promise<void>(() => undefined);
      seats.set(2);
      return undefined;
    });
    expect(await metrics.scrape()).toContain('warmline_closer_seats_held{agent="router"} 2');
    mode = 'throw';
    expect(await metrics.scrape()).toContain('warmline_closer_seats_held{agent="router"} 2');
    mode = 'hang';
    const started = Date.now();
    const text = await metrics.scrape();
    expect(Date.now() - started).toBeLessThan(SCRAPE_HOOK_TIMEOUT_MS + 500);
    expect(text).toContain('warmline_closer_seats_held{agent="router"} 2');
    expect(text).toContain('warmline_metrics_refresh_failures_total{agent="router"} 2');
  });
});

describe('enumLabel', () => {
  const Reason = { REASON_UNSPECIFIED: 0, REASON_CLOSER_DECLINED: 1, 0: 'REASON_UNSPECIFIED' };

  it('names a value without its prefix; nothing for unset; the number for an unknown value', () => {
    expect(enumLabel(Reason, 1, 'REASON_')).toBe('CLOSER_DECLINED');
    expect(enumLabel(Reason, 0, 'REASON_')).toBe('');
    expect(enumLabel(Reason, undefined, 'REASON_')).toBe('');
    expect(enumLabel(Reason, 42, 'REASON_')).toBe('42');
  });
});

import { AgentMetrics } from './agent-metrics.js';

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

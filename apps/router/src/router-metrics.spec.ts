import { v1, type warmline } from '@warmline/contracts';
import { AgentMetrics } from '@warmline/telemetry';
import {
  Bench,
  SETTINGS,
  VERIFIER,
  decision,
  intentState,
  issueGrant,
  progress,
  seatFor,
} from './__fixtures__/transfer.js';
import { acceptStep, rejectStep } from './answer-steps.js';
import { reservedStep } from './attempt-steps.js';
import { callProgressStep } from './call-progress-step.js';
import type { CloserSeats } from './closer-seats.js';
import { grantStep } from './grant-step.js';
import { RouterMetrics } from './router-metrics.js';

const P = v1.CallProgressState;
const NO_SEATS: CloserSeats = { held: 0, availableCapacity: 0, heldByAvailable: 0 };

function take(bench: Bench, envelope: warmline.v1.IEnvelope): void {
  bench.run((current) =>
    grantStep(
      current,
      { envelope, intent: intentState(), verifier: VERIFIER, settings: SETTINGS },
      bench.ctx(),
    ),
  );
}

function reserveAndAccept(bench: Bench, closerId: string): void {
  const seat = seatFor(bench, closerId);
  bench.run((current) =>
    reservedStep(current, { reservation: seat, address: 'sip:x' }, bench.ctx()),
  );
  bench.run((current) => acceptStep(current, { reservationId: seat.id, reason: '' }, bench.ctx()));
}

function report(bench: Bench, state: warmline.v1.CallProgressState): void {
  bench.now += 200;
  bench.run((current) => callProgressStep(current, progress(bench, state), bench.ctx()));
}

async function scrape(effects: Bench['effects'], seats = NO_SEATS): Promise<string> {
  const registry = new AgentMetrics('router');
  new RouterMetrics(registry, async () => seats).onEffectsPerformed('router.handoff.x', effects);
  return registry.scrape();
}

describe('RouterMetrics', () => {
  it('counts a bridged warm transfer as one outcome, with no failed attempt', async () => {
    const bench = new Bench();
    take(bench, decision(issueGrant()));
    reserveAndAccept(bench, 'closer-a');
    for (const state of [
      P.CALL_PROGRESS_STATE_RINGING,
      P.CALL_PROGRESS_STATE_ANSWERED,
      P.CALL_PROGRESS_STATE_WHISPER_COMPLETED,
      P.CALL_PROGRESS_STATE_BRIDGED,
    ])
      report(bench, state);
    const text = await scrape(bench.effects);
    expect(lines(text, 'warmline_transfer_outcomes_total')).toEqual([
      'warmline_transfer_outcomes_total{mode="WARM",state="BRIDGED",reason="",agent="router"} 1',
    ]);
    expect(lines(text, 'warmline_transfer_attempt_failures_total')).toEqual([]);
  });

  it('counts failed attempts with their typed reasons, then the fallback that ended the transfer', async () => {
    const bench = new Bench();
    take(bench, decision(issueGrant()));
    const first = seatFor(bench, 'closer-a');
    bench.run((current) =>
      reservedStep(current, { reservation: first, address: 'sip:a' }, bench.ctx()),
    );
    bench.run((current) =>
      rejectStep(current, { reservationId: first.id, reason: 'busy' }, bench.ctx()),
    );
    reserveAndAccept(bench, 'closer-b');
    report(bench, P.CALL_PROGRESS_STATE_RINGING);
    report(bench, P.CALL_PROGRESS_STATE_DECLINED);
    const text = await scrape(bench.effects);
    expect(lines(text, 'warmline_transfer_attempt_failures_total')).toEqual([
      'warmline_transfer_attempt_failures_total{mode="WARM",state="DECLINED",reason="RESERVATION_REJECTED",agent="router"} 1',
      'warmline_transfer_attempt_failures_total{mode="WARM",state="DECLINED",reason="CLOSER_DECLINED",agent="router"} 1',
    ]);
    expect(lines(text, 'warmline_transfer_outcomes_total')).toEqual([
      'warmline_transfer_outcomes_total{mode="WARM",state="FALLBACK_APPOINTMENT",reason="ATTEMPTS_EXHAUSTED",agent="router"} 1',
    ]);
  });

  it('counts a refused grant by its code (and its FAILED GRANT_INVALID announcement)', async () => {
    const bench = new Bench();
    take(bench, decision(issueGrant({ interactionId: 'someone-else' })));
    const text = await scrape(bench.effects);
    expect(text).toContain(
      'warmline_grants_refused_total{code="GRANT_INTERACTION_MISMATCH",agent="router"} 1',
    );
    expect(text).toContain(
      'warmline_transfer_outcomes_total{mode="WARM",state="FAILED",reason="GRANT_INVALID",agent="router"} 1',
    );
  });

  it('reads the seats on every scrape: held, available capacity and utilisation', async () => {
    const text = await scrape([], { held: 3, availableCapacity: 8, heldByAvailable: 2 });
    expect(text).toContain('warmline_closer_seats_held{agent="router"} 3');
    expect(text).toContain('warmline_closer_capacity_seats{agent="router"} 8');
    expect(text).toContain('warmline_closer_utilisation_ratio{agent="router"} 0.25');
  });
});

function lines(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`));
}

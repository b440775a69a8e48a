import { AgentMetrics } from '@warmline/telemetry';
import {
  bookingInput,
  claims,
  context,
  settings,
  tuesdayAt,
} from './__fixtures__/scheduler-fixtures.js';
import { bookStep } from './booking-step.js';
import { changeStep } from './change-step.js';
import { refusalStep } from './interaction-step.js';
import { SchedulerMetrics } from './scheduler-metrics.js';

function metricsOf() {
  const registry = new AgentMetrics('scheduler');
  return { registry, scheduler: new SchedulerMetrics(registry) };
}

describe('SchedulerMetrics', () => {
  it('counts bookings, unavailable answers by reason, and changes; not the request or CRM record', async () => {
    const { registry, scheduler } = metricsOf();
    const booked = bookStep(
      null,
      bookingInput(claims('g-1', { startMs: tuesdayAt(4), endMs: tuesdayAt(20) })),
      settings,
    )!;
    scheduler.onEffectsPerformed('scheduler.calendar', booked.effects);
    const night = bookStep(
      booked.state,
      bookingInput(claims('g-2', { startMs: tuesdayAt(1), endMs: tuesdayAt(3) })),
      settings,
    )!;
    scheduler.onEffectsPerformed('scheduler.calendar', night.effects);
    const cancelled = changeStep(
      night.state,
      {
        context: { ...context(), causationId: 'ev-r-1' },
        request: {
          requestId: 'r-1',
          appointmentId: 'appt-g-1',
          requestedBy: 'buyer',
          change: { kind: 'cancel', reason: 'no longer needed' },
        },
        closers: [],
      },
      settings,
    )!;
    scheduler.onEffectsPerformed('scheduler.calendar', cancelled.effects);

    const text = await registry.scrape();
    expect(lines(text, 'warmline_appointments_total')).toEqual([
      'warmline_appointments_total{outcome="booked",reason="",agent="scheduler"} 1',
      'warmline_appointments_total{outcome="unavailable",reason="NO_SLOT_IN_WINDOW",agent="scheduler"} 1',
      'warmline_appointments_total{outcome="cancelled",reason="",agent="scheduler"} 1',
    ]);
  });

  it('counts a refused grant by its code, with its GRANT_INVALID answer', async () => {
    const { registry, scheduler } = metricsOf();
    const refusal = refusalStep(null, context({ causationId: 'ev-7' }), {
      code: 'GRANT_EXPIRED',
      message: 'grant g-1 expired 5 ms ago',
      grantId: 'g-1',
    });
    scheduler.onEffectsPerformed('scheduler.interaction.call-1', refusal.effects);
    const text = await registry.scrape();
    expect(text).toContain(
      'warmline_grants_refused_total{code="GRANT_EXPIRED",agent="scheduler"} 1',
    );
    expect(text).toContain(
      'warmline_appointments_total{outcome="unavailable",reason="GRANT_INVALID",agent="scheduler"} 1',
    );
  });
});

function lines(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`));
}

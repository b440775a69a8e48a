// The scheduler's Prometheus series, counted from what its committed steps published: appointment
// outcomes (booked, unavailable with its reason, rescheduled, cancelled) and grants refused by code.
import type { Effect, StepObserver } from '@warmline/agent-runtime';
import { v1, type warmline } from '@warmline/contracts';
import { enumLabel, type AgentMetrics, type Counter } from '@warmline/telemetry';

/** The AppointmentEvent bodies that are outcomes (requested and the CRM record are not). */
const OUTCOMES = ['booked', 'unavailable', 'rescheduled', 'cancelled'] as const;

/**
 * Counts each outcome once, when the step that committed it has published it: a booking request
 * answered before is not searched again and counts nothing. A refusal is answered again when its
 * message is redelivered before it was dead-lettered (a crash in between), and counted again then.
 */
export class SchedulerMetrics implements StepObserver {
  private readonly appointments: Counter<'outcome' | 'reason'>;
  private readonly refused: Counter<'code'>;

  constructor(metrics: AgentMetrics) {
    this.appointments = metrics.counter(
      'warmline_appointments_total',
      'Appointment outcomes published: booked, unavailable (with its reason, e.g. NO_SLOT_IN_WINDOW or GRANT_INVALID), rescheduled, cancelled.',
      ['outcome', 'reason'],
    );
    this.refused = metrics.counter(
      'warmline_grants_refused_total',
      'Booking grants the scheduler refused, by refusal code (GRANT_* from verification, or GRANT_REVOKED).',
      ['code'],
    );
  }

  onEffectsPerformed(_key: string, effects: readonly Effect[]): void {
    for (const effect of effects) {
      if (effect.kind === 'publish' && effect.envelope.appointmentEvent) {
        this.countAppointment(effect.envelope.appointmentEvent);
      } else if (
        effect.kind === 'audit' &&
        effect.record.kind === 'grant' &&
        effect.record.summary?.['event'] === 'refused'
      ) {
        this.refused.inc({ code: String(effect.record.summary['reason'] ?? '') });
      }
    }
  }

  private countAppointment(event: warmline.v1.IAppointmentEvent): void {
    const outcome = OUTCOMES.find((body) => event[body] != null);
    if (outcome === undefined) return;
    const reason = enumLabel(
      v1.AppointmentUnavailableReason,
      event.unavailable?.reason,
      'APPOINTMENT_UNAVAILABLE_REASON_',
    );
    this.appointments.inc({ outcome, reason });
  }
}

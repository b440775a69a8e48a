import { fromTimestamp, v1, type warmline } from '@warmline/contracts';
import { crmUpdateFor, type AppointmentCrmOutcome } from './crm-update.js';
import { at, booking } from './__fixtures__/scheduling.js';

const Outcome = v1.CrmOutcome;
const NY = 'America/New_York';
const appt = booking('appt-1', 'ana', at('2025-03-10T15:00', NY), at('2025-03-10T15:30', NY));
const brief: warmline.v1.IHandoffBrief = { text: 'Validated: scope, timing.', intentVersion: 7 };

describe('crmUpdateFor', () => {
  it('records a booking with the appointment, closer, start, brief and a one-line summary', () => {
    const update = crmUpdateFor(
      Outcome.CRM_OUTCOME_APPOINTMENT_BOOKED,
      appt,
      'lead-42',
      brief,
      'Ana Ruiz',
    );
    expect(update).toMatchObject({
      outcome: Outcome.CRM_OUTCOME_APPOINTMENT_BOOKED,
      leadId: 'lead-42',
      appointmentId: 'appt-1',
      closerId: 'ana',
      brief,
      summary:
        'Appointment booked: Mon 10 Mar 2025 15:00–15:30 America/New_York with Ana Ruiz (appt-1)',
    });
    expect(fromTimestamp(update.startAt!)).toBe(appt.startMs);
    expect(update.summary).not.toContain('\n');
    // It is a valid wire message.
    expect(v1.CrmUpdate.verify(update)).toBeNull();
  });

  it('renders the summary in the buyer’s zone, naming the closer id when no name is given', () => {
    const berlinBuyer = { ...appt, timeZone: 'Europe/Berlin' };
    const update = crmUpdateFor(Outcome.CRM_OUTCOME_APPOINTMENT_BOOKED, berlinBuyer, '', null);
    expect(update.summary).toBe(
      'Appointment booked: Mon 10 Mar 2025 20:00–20:30 Europe/Berlin with closer ana (appt-1)',
    );
  });

  it('records reschedules and cancellations', () => {
    expect(
      crmUpdateFor(Outcome.CRM_OUTCOME_APPOINTMENT_RESCHEDULED, { ...appt, sequence: 1 }, 'l', null)
        .summary,
    ).toMatch(/^Appointment rescheduled: /);
    const cancelled = { ...appt, status: 'cancelled' as const, sequence: 1 };
    expect(
      crmUpdateFor(Outcome.CRM_OUTCOME_APPOINTMENT_CANCELLED, cancelled, 'l', null).summary,
    ).toMatch(/^Appointment cancelled: /);
  });

  it('refuses an outcome the booking’s status contradicts', () => {
    const cancelled = { ...appt, status: 'cancelled' as const };
    expect(() =>
      crmUpdateFor(Outcome.CRM_OUTCOME_APPOINTMENT_BOOKED, cancelled, 'l', null),
    ).toThrow(expect.objectContaining({ code: 'BOOKING_STATE_INVALID' }));
    expect(() => crmUpdateFor(Outcome.CRM_OUTCOME_APPOINTMENT_CANCELLED, appt, 'l', null)).toThrow(
      expect.objectContaining({ code: 'BOOKING_STATE_INVALID' }),
    );
  });

  it('refuses an outcome that is not about an appointment', () => {
    const transfer = Outcome.CRM_OUTCOME_TRANSFER_CONNECTED as unknown as AppointmentCrmOutcome;
    expect(() => crmUpdateFor(transfer, appt, 'l', null)).toThrow(
      expect.objectContaining({ code: 'APPOINTMENT_REQUEST_INVALID', field: 'outcome' }),
    );
  });
});

import { berlin, newYork, settings } from './__fixtures__/scheduler-fixtures.js';
import { closerAttendee, inviteDetails } from './invite-details.js';

describe('inviteDetails', () => {
  it('invites the closer only at an e-mail address', () => {
    expect(closerAttendee(berlin)).toEqual({ name: 'Lena Berg', email: 'lena@closers.example' });
    expect(closerAttendee(newYork)).toBeNull(); // a phone number is not a calendar address
    expect(closerAttendee({ ...berlin, address: 'sip:lena@pbx.example' })).toBeNull();
  });

  it('carries the configured title and organizer and the brief’s text', () => {
    expect(inviteDetails(settings, berlin, 'brief text', 42)).toEqual({
      stampMs: 42,
      summary: 'Appointment',
      brief: { text: 'brief text' },
      organizer: { email: 'scheduling@acme.example' },
      attendees: [{ name: 'Lena Berg', email: 'lena@closers.example' }],
    });
    expect(inviteDetails(settings, undefined, '', 42)).toMatchObject({
      brief: null,
      attendees: [],
    });
  });
});

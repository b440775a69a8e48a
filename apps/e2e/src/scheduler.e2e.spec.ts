// The scheduler as its own process on a real broker: grants signed as the governor signs them,
// decisions published as the governor, failed transfers as the router, change requests and closer
// presence as the gateway. What it published is read straight from the streams.
import {
  GrantSigner,
  SCOPES,
  generateSigningKey,
  signingKeyFromSeed,
  type ConsentWindow,
  type GrantClaimsInput,
} from '@warmline/authority';
import type { EventBus } from '@warmline/bus';
import { fromTimestamp, toTimestamp, v1, warmline } from '@warmline/contracts';
import { openKvStore, type WarmlineStore } from '@warmline/store';
import {
  ADMIN_USER,
  eventually,
  sleep,
  storedDeadLetters,
  storedEnvelopes,
} from '@warmline/testing';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

let stack: WarmlineUnderTest;
let governor: EventBus;
let router: EventBus;
let gateway: EventBus;
let store: WarmlineStore;
let signer: GrantSigner;

const MINUTE = 60_000;
const DURATION_MS = 30 * MINUTE;
const run = Date.now().toString(36);
let counter = 0;
const newId = (label: string) => `${label}-${run}-${++counter}`;

// Closers: one in Berlin, one in New York, both Mon–Fri 09:00–17:00 in their own zone.
const weekdays = (startMinute: number, endMinute: number) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute, endMinute }));
const BERLIN = {
  closerId: 'sch-berlin',
  displayName: 'Lena Berg',
  address: 'mailto:lena@closers.example',
  timeZone: 'Europe/Berlin',
  languages: ['de-DE', 'en-GB'],
  workingHours: weekdays(9 * 60, 17 * 60),
};
const NEW_YORK = {
  closerId: 'sch-newyork',
  displayName: 'Ana Ruiz',
  address: '+12125550100',
  timeZone: 'America/New_York',
  languages: ['en-US', 'es-US'],
  workingHours: weekdays(9 * 60, 17 * 60),
};

// Test windows lie in whole weeks from two weeks ahead, one day per scenario, so scenarios sharing
// the closers never compete for the same slots.
const BASE = DateTime.utc().startOf('week').plus({ weeks: 2 });
function day(week: number, isoWeekday: number): DateTime {
  return BASE.plus({ weeks: week, days: isoWeekday - 1 });
}
function windowOn(
  date: DateTime,
  fromHourUtc: number,
  toHourUtc: number,
  timeZone = 'America/Chicago',
): ConsentWindow {
  return {
    startAtMs: date.set({ hour: fromHourUtc }).toMillis(),
    endAtMs: date.set({ hour: toHourUtc }).toMillis(),
    timeZone,
    sourceText: 'any time that day',
  };
}

beforeAll(async () => {
  stack = await warmlineUnderTest();
  gateway = await stack.busAs('gateway');
  for (const closer of [BERLIN, NEW_YORK]) {
    await gateway.publishCloserPresence({
      ...closer,
      presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE, // irrelevant for appointments
      capacity: 1,
      reportedAt: toTimestamp(Date.now()),
    });
  }
  await stack.start('scheduler');
  governor = await stack.busAs('escalation-governor');
  router = await stack.busAs('router');
  store = await openKvStore({
    servers: stack.broker.url,
    connection: stack.broker.credentials(ADMIN_USER),
  });
  signer = new GrantSigner({
    signingKey: signingKeyFromSeed(stack.grantKey.seed),
    newGrantId: () => newId('grant'),
  });
}, 90_000);

afterAll(async () => {
  await store?.close();
  await stack?.stop();
});

type GrantOptions = Partial<GrantClaimsInput> & { readonly issuedAt?: number };

function appointmentGrant(
  interactionId: string,
  consentWindow: ConsentWindow | null,
  options: GrantOptions = {},
  issuer: GrantSigner = signer,
): warmline.v1.AuthorityGrant {
  const { issuedAt, ...input } = options;
  return issuer.issue(
    {
      interactionId,
      intentVersion: 1,
      scopes: [SCOPES.appointmentBook],
      policyId: 'default',
      policyVersion: 1,
      decisionId: newId('decision'),
      campaignId: 'solar',
      consentWindow,
      ...input,
    },
    issuedAt,
  );
}

function claimsOf(grant: warmline.v1.IAuthorityGrant): warmline.v1.GrantClaims {
  return warmline.v1.GrantClaims.decode(grant.claims!);
}

async function decide(
  interactionId: string,
  grant: warmline.v1.IAuthorityGrant,
  eventId = newId('ev-decision'),
): Promise<string> {
  const claims = claimsOf(grant);
  await governor.publish('decision', interactionId, {
    eventId,
    intentVersion: claims.intentVersion,
    authority: { grant },
    escalationDecision: {
      decisionId: claims.decisionId,
      interactionId,
      intentVersion: claims.intentVersion,
      outcome: v1.EscalationOutcome.ESCALATION_OUTCOME_AUTHORIZE_APPOINTMENT,
      policyId: 'default',
      policyVersion: 1,
      grant,
      state: v1.InteractionState.INTERACTION_STATE_AUTHORISED,
      decidedAt: toTimestamp(Date.now()),
      campaignId: 'solar',
    },
  });
  return eventId;
}

async function fallBack(
  interactionId: string,
  grant: warmline.v1.IAuthorityGrant,
  brief: warmline.v1.IHandoffBrief | null = null,
  eventId = newId('ev-handoff'),
): Promise<string> {
  await router.publish('handoff', interactionId, {
    eventId,
    authority: { grant },
    handoffEvent: {
      handoffId: `handoff-${interactionId}`,
      grantId: claimsOf(grant).grantId,
      attempt: 1,
      state: v1.HandoffState.HANDOFF_STATE_FALLBACK_APPOINTMENT,
      failureReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_NO_ANSWER,
      fallbackAction: v1.FallbackAction.FALLBACK_ACTION_BOOK_APPOINTMENT,
      brief,
    },
  });
  return eventId;
}

async function requestChange(
  interactionId: string,
  request: warmline.v1.IAppointmentChangeRequest,
): Promise<void> {
  await gateway.publish('schedule', interactionId, {
    eventId: newId('ev-change'),
    appointmentChangeRequest: request,
  });
}

async function appointmentEvents(interactionId: string): Promise<warmline.v1.Envelope[]> {
  return (await storedEnvelopes(stack.jsm, 'appointment', interactionId)).map((s) => s.envelope);
}

async function eventsUntil(
  interactionId: string,
  done: (events: warmline.v1.Envelope[]) => boolean,
): Promise<warmline.v1.Envelope[]> {
  return eventually(() => appointmentEvents(interactionId), done, 20_000);
}

const has = (key: keyof warmline.v1.IAppointmentEvent) => (events: warmline.v1.Envelope[]) =>
  events.some((e) => e.appointmentEvent?.[key] != null);
const all = (events: warmline.v1.Envelope[], key: keyof warmline.v1.IAppointmentEvent) =>
  events.flatMap((e) => (e.appointmentEvent?.[key] != null ? [e] : []));

const KINDS = [
  'requested',
  'booked',
  'unavailable',
  'rescheduled',
  'cancelled',
  'crmUpdate',
] as const;
const kindOf = (e: warmline.v1.Envelope) => KINDS.find((k) => e.appointmentEvent?.[k] != null);

async function bookedOf(interactionId: string) {
  const events = await eventsUntil(
    interactionId,
    (list) => has('booked')(list) && has('crmUpdate')(list),
  );
  return { events, booked: all(events, 'booked')[0]!.appointmentEvent!.booked! };
}

async function deadLettersOf(interactionId: string, count = 1) {
  const found = await eventually(
    () => storedDeadLetters(stack.jsm),
    (list) =>
      list.filter(
        (r) => r.agent === 'scheduler' && r.originalSubject?.endsWith(`.${interactionId}`),
      ).length >= count,
    20_000,
  );
  return found.filter(
    (r) => r.agent === 'scheduler' && r.originalSubject?.endsWith(`.${interactionId}`),
  );
}

function parseIcs(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    status: String(vevent.getFirstPropertyValue('status')),
    startMs: event.startDate.toUnixTime() * 1000,
    endMs: event.endDate.toUnixTime() * 1000,
    description: event.description ?? '',
    attendees: event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()),
  };
}

function localTime(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone });
}

async function writeIntentState(interactionId: string): Promise<void> {
  const at = toTimestamp(Date.now() - MINUTE);
  await store.intents.create(
    warmline.v1.IntentState.create({
      interactionId,
      version: 1,
      updatedAt: at,
      campaignId: 'solar',
      buyerLanguage: 'en-US',
      buyerTimeZone: 'America/Chicago',
      territory: 'US-IL',
      markers: [
        {
          kind: v1.MarkerKind.MARKER_KIND_SCOPE_CONFIRMED,
          status: v1.MarkerStatus.MARKER_STATUS_VALIDATED,
          confidence: 0.92,
          changedAt: at,
          evidence: [
            {
              signalId: 'sig-1',
              source: v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
              quote: 'We want panels on the whole south roof',
              observedAt: at,
              confidence: 0.92,
            },
          ],
        },
      ],
      readiness: { score: 0.8, peakScore: 0.85, peakAt: at },
    }),
  );
}

describe('scheduler agent (separate process)', () => {
  it('refuses to start without trusted grant keys, naming the variable', async () => {
    await expect(stack.start('scheduler', { WARMLINE_GRANT_TRUSTED_KEYS: '' })).rejects.toThrow(
      /WARMLINE_GRANT_TRUSTED_KEYS/,
    );
  });

  it('books inside the consent window with a closer in working hours, in the closer’s zone, with an invite ical.js reads back', async () => {
    const iid = newId('sch-tz');
    await writeIntentState(iid);
    const tuesday = day(0, 2);
    const window = windowOn(tuesday, 4, 20);
    const grant = appointmentGrant(iid, window);
    const decisionEventId = await decide(iid, grant);

    const { events, booked } = await bookedOf(iid);
    // 04:00Z is night in both zones; the first working minute is 09:00 in Berlin.
    const berlinNine = DateTime.fromObject(
      { year: tuesday.year, month: tuesday.month, day: tuesday.day, hour: 9 },
      { zone: 'Europe/Berlin' },
    ).toMillis();
    expect(booked.closerId).toBe(BERLIN.closerId);
    expect(fromTimestamp(booked.startAt!)).toBe(berlinNine);
    expect(fromTimestamp(booked.endAt!)).toBe(berlinNine + DURATION_MS);
    expect(booked.timeZone).toBe('America/Chicago');

    const invite = parseIcs(booked.ics!);
    expect(invite).toMatchObject({
      method: 'REQUEST',
      uid: `${booked.appointmentId}@warmline`,
      sequence: 0,
      status: 'CONFIRMED',
      startMs: berlinNine,
      endMs: berlinNine + DURATION_MS,
    });
    expect(invite.attendees).toContain('mailto:lena@closers.example');

    // What was asked comes first, with the brief built from intent state; every event is caused by
    // the decision and correlated by the interaction.
    const requested = all(events, 'requested')[0]!.appointmentEvent!.requested!;
    expect(requested).toMatchObject({
      requestId: claimsOf(grant).grantId,
      durationMs: DURATION_MS,
      language: 'en-US',
      territory: 'US-IL',
      idempotencyKey: `${claimsOf(grant).grantId}.booking`,
    });
    expect(requested.brief?.text).toContain('We want panels on the whole south roof');
    expect(invite.description).toBe(requested.brief?.text);
    expect(events.map(kindOf)).toEqual(['requested', 'booked', 'crmUpdate']);
    for (const e of events) {
      expect(e).toMatchObject({ causationId: decisionEventId, correlationId: iid });
      expect(e.producer?.agent).toBe('scheduler');
    }
    expect(all(events, 'booked')[0]!.eventId).toBe(`apt-booked-${booked.appointmentId}`);

    const crm = all(events, 'crmUpdate')[0]!.appointmentEvent!.crmUpdate!;
    expect(crm).toMatchObject({
      outcome: v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_BOOKED,
      appointmentId: booked.appointmentId,
      closerId: BERLIN.closerId,
    });
    expect(crm.brief?.text).toBe(requested.brief?.text);
    expect(crm.summary).toMatch(/^Appointment booked: .* America\/Chicago with Lena Berg/);

    const audit = await eventually(
      () => store.audit.list(iid),
      (list) => list.length >= 2,
    );
    expect(audit.map((r) => [r.kind, r.summary?.['event']])).toEqual(
      expect.arrayContaining([
        ['appointment', 'booked'],
        ['grant', 'used'],
      ]),
    );
  });

  it('books the New York closer when only New York’s working hours overlap the window', async () => {
    const iid = newId('sch-ny');
    const window = windowOn(day(0, 2), 17, 20); // after 17:00 in Berlin
    await decide(iid, appointmentGrant(iid, window));
    const { booked } = await bookedOf(iid);
    expect(booked.closerId).toBe(NEW_YORK.closerId);
    expect(fromTimestamp(booked.startAt!)).toBe(window.startAtMs);
    const local = localTime(fromTimestamp(booked.startAt!), 'America/New_York');
    expect(local.hour).toBeGreaterThanOrEqual(9);
    expect(local.plus({ minutes: 30 }).hour).toBeLessThan(17);
  });

  it('books once when the same grant arrives in two decisions', async () => {
    const iid = newId('sch-dup');
    const grant = appointmentGrant(iid, windowOn(day(0, 3), 12, 18));
    await decide(iid, grant);
    await decide(iid, grant);
    await bookedOf(iid);
    await sleep(1_500); // time for the second decision to be handled
    const events = await appointmentEvents(iid);
    expect(all(events, 'requested')).toHaveLength(1);
    expect(all(events, 'booked')).toHaveLength(1);
    expect(all(events, 'crmUpdate')).toHaveLength(1);
    expect(await storedDeadLetters(stack.jsm)).not.toContainEqual(
      expect.objectContaining({ originalSubject: expect.stringContaining(iid) }),
    );
  });

  it('says when nothing fits the window, offers the nearest slots outside it and books nothing', async () => {
    const iid = newId('sch-none');
    const saturday = day(1, 6);
    const window = windowOn(saturday, 10, 16); // nobody works on Saturdays
    const grant = appointmentGrant(iid, window);
    await decide(iid, grant);
    const events = await eventsUntil(iid, has('unavailable'));
    const unavailable = all(events, 'unavailable')[0]!.appointmentEvent!.unavailable!;
    expect(unavailable.reason).toBe(
      v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
    );
    // Named, so the governor knows which grant could not be used.
    expect(unavailable.grantId).toBe(claimsOf(grant).grantId);
    expect(unavailable.nearestAlternatives!.length).toBeGreaterThan(0);
    for (const slot of unavailable.nearestAlternatives!) {
      const start = fromTimestamp(slot.startAt!);
      const end = fromTimestamp(slot.endAt!);
      expect(start >= window.startAtMs && end <= window.endAtMs).toBe(false);
      expect(end - start).toBe(DURATION_MS);
      const closer = slot.closerId === BERLIN.closerId ? BERLIN : NEW_YORK;
      expect(localTime(start, closer.timeZone).weekday).toBeLessThanOrEqual(5);
    }
    await sleep(500);
    expect(all(await appointmentEvents(iid), 'booked')).toHaveLength(0);
  });

  it('books a failed live transfer’s fallback under its fallback scope, with the router’s brief', async () => {
    const iid = newId('sch-fallback');
    const liveGrant = appointmentGrant(iid, windowOn(day(0, 4), 13, 18), {
      scopes: [SCOPES.transferLive],
      fallbackScopes: [SCOPES.appointmentBook],
      fallbackRules: [
        {
          condition: v1.FallbackCondition.FALLBACK_CONDITION_NO_ANSWER,
          action: v1.FallbackAction.FALLBACK_ACTION_BOOK_APPOINTMENT,
        },
      ],
    });
    const brief = { text: 'Confirmed: solar for a south roof.', buyerLanguage: 'en-US' };
    await fallBack(iid, liveGrant, brief);
    const { events, booked } = await bookedOf(iid);
    const requested = all(events, 'requested')[0]!.appointmentEvent!.requested!;
    expect(requested).toMatchObject({
      handoffId: `handoff-${iid}`,
      fallbackReason: v1.HandoffFailureReason.HANDOFF_FAILURE_REASON_NO_ANSWER,
      language: 'en-US',
    });
    expect(parseIcs(booked.ics!).description).toBe(brief.text);
    expect(all(events, 'crmUpdate')[0]!.appointmentEvent!.crmUpdate!.brief?.text).toBe(brief.text);
  });

  it('refuses a fallback under a live-transfer grant without the appointment fallback scope', async () => {
    const iid = newId('sch-noscope');
    const liveGrant = appointmentGrant(iid, windowOn(day(0, 4), 13, 18), {
      scopes: [SCOPES.transferLive],
    });
    await fallBack(iid, liveGrant);
    const [record] = await deadLettersOf(iid);
    expect(record).toMatchObject({ reasonName: 'GRANT_REFUSED', errorCode: 'GRANT_SCOPE_MISSING' });
    const events = await eventsUntil(iid, has('unavailable'));
    expect(all(events, 'booked')).toHaveLength(0);
  });

  it.each([
    [
      'signed by an untrusted key',
      'GRANT_UNTRUSTED_ISSUER',
      (iid: string, w: ConsentWindow) =>
        appointmentGrant(
          iid,
          w,
          {},
          new GrantSigner({ signingKey: signingKeyFromSeed(generateSigningKey().seed) }),
        ),
    ],
    [
      'forged under the trusted key',
      'GRANT_SIGNATURE_INVALID',
      (iid: string, w: ConsentWindow) => {
        const real = appointmentGrant(iid, w);
        const forger = signingKeyFromSeed(generateSigningKey().seed);
        return v1.AuthorityGrant.create({ ...real, signature: forger.sign(real.claims) });
      },
    ],
    [
      'expired',
      'GRANT_EXPIRED',
      (iid: string, w: ConsentWindow) =>
        appointmentGrant(iid, w, { ttlMs: MINUTE, issuedAt: Date.now() - 10 * MINUTE }),
    ],
    [
      'for another interaction',
      'GRANT_INTERACTION_MISMATCH',
      (_iid: string, w: ConsentWindow) => appointmentGrant(newId('sch-elsewhere'), w),
    ],
  ])('never books under a grant %s (dead letter %s)', async (_what, code, makeGrant) => {
    const iid = newId('sch-refused');
    const eventId = await decide(iid, makeGrant(iid, windowOn(day(1, 5), 12, 18)));
    const [record] = await deadLettersOf(iid);
    expect(record).toMatchObject({ reasonName: 'GRANT_REFUSED', errorCode: code });

    const events = await eventsUntil(iid, has('unavailable'));
    expect(all(events, 'booked')).toHaveLength(0);
    expect(all(events, 'requested')).toHaveLength(0);
    const unavailable = all(events, 'unavailable')[0]!;
    expect(unavailable.causationId).toBe(eventId);
    expect(unavailable.appointmentEvent!.unavailable).toMatchObject({
      requestId: eventId,
      reason: v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_GRANT_INVALID,
    });
    expect(unavailable.appointmentEvent!.unavailable!.detail).toContain(code);
    const audit = await eventually(
      () => store.audit.list(iid, { kinds: ['grant'] }),
      (list) => list.length > 0,
    );
    expect(audit[0]!.summary).toMatchObject({ event: 'refused', reason: code });
  });

  it('refuses a replayed grant older than an intent version the governor moved past', async () => {
    const iid = newId('sch-stale');
    const grant = appointmentGrant(iid, windowOn(day(0, 5), 12, 18), { intentVersion: 2 });
    await decide(iid, grant);
    await bookedOf(iid);
    await governor.publish('decision', iid, {
      eventId: newId('ev-revoked'),
      grantRevoked: {
        grantId: newId('grant-other'),
        reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_MARKER_REVOKED,
        intentVersion: 3,
        revokedAt: toTimestamp(Date.now()),
      },
    });
    await decide(iid, grant); // the old decision replayed
    const [record] = await deadLettersOf(iid);
    expect(record).toMatchObject({ reasonName: 'GRANT_REFUSED', errorCode: 'GRANT_STALE_INTENT' });
    expect(all(await appointmentEvents(iid), 'booked')).toHaveLength(1);
  });

  it('refuses a grant the governor revoked', async () => {
    const iid = newId('sch-revoked');
    const grant = appointmentGrant(iid, windowOn(day(0, 5), 12, 18));
    await governor.publish('decision', iid, {
      eventId: newId('ev-revoked'),
      grantRevoked: {
        grantId: claimsOf(grant).grantId,
        reason: v1.GrantRevocationReason.GRANT_REVOCATION_REASON_OBJECTION_RAISED,
        revokedAt: toTimestamp(Date.now()),
      },
    });
    await decide(iid, grant);
    const [record] = await deadLettersOf(iid);
    expect(record).toMatchObject({ reasonName: 'GRANT_REFUSED', errorCode: 'GRANT_REVOKED' });
    expect(all(await eventsUntil(iid, has('unavailable')), 'booked')).toHaveLength(0);
  });

  it('moves an appointment into a new window (SEQUENCE+1) and cancels it (METHOD:CANCEL), once per request', async () => {
    const iid = newId('sch-change');
    await decide(iid, appointmentGrant(iid, windowOn(day(1, 3), 13, 15)));
    const { booked } = await bookedOf(iid);
    const firstUid = parseIcs(booked.ics!).uid;
    const newWindow = windowOn(day(1, 4), 14, 16);

    await requestChange(iid, {
      requestId: newId('chg'),
      appointmentId: booked.appointmentId,
      requestedBy: 'buyer',
      reschedule: {
        window: {
          startAt: toTimestamp(newWindow.startAtMs),
          endAt: toTimestamp(newWindow.endAtMs),
          timeZone: newWindow.timeZone,
        },
        reason: 'buyer is travelling',
      },
    });
    let events = await eventsUntil(
      iid,
      (list) => has('rescheduled')(list) && all(list, 'crmUpdate').length >= 2,
    );
    const moved = all(events, 'rescheduled')[0]!.appointmentEvent!.rescheduled!;
    const start = fromTimestamp(moved.startAt!);
    expect(start).toBeGreaterThanOrEqual(newWindow.startAtMs);
    expect(fromTimestamp(moved.endAt!)).toBeLessThanOrEqual(newWindow.endAtMs);
    expect(fromTimestamp(moved.previousStartAt!)).toBe(fromTimestamp(booked.startAt!));
    expect(moved.reason).toBe('buyer is travelling');
    expect(parseIcs(moved.ics!)).toMatchObject({
      method: 'REQUEST',
      uid: firstUid,
      sequence: 1,
      startMs: start,
    });
    expect(all(events, 'crmUpdate').at(-1)!.appointmentEvent!.crmUpdate!.outcome).toBe(
      v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_RESCHEDULED,
    );

    const cancelId = newId('chg');
    const cancelRequest = {
      requestId: cancelId,
      appointmentId: booked.appointmentId,
      requestedBy: 'crm',
      cancel: { reason: 'buyer declined' },
    };
    await requestChange(iid, cancelRequest);
    events = await eventsUntil(
      iid,
      (list) => has('cancelled')(list) && all(list, 'crmUpdate').length >= 3,
    );
    const cancelled = all(events, 'cancelled')[0]!.appointmentEvent!.cancelled!;
    expect(cancelled.reason).toBe('buyer declined');
    expect(parseIcs(cancelled.ics!)).toMatchObject({
      method: 'CANCEL',
      uid: firstUid,
      sequence: 2,
      status: 'CANCELLED',
    });
    expect(all(events, 'crmUpdate').at(-1)!.appointmentEvent!.crmUpdate!.outcome).toBe(
      v1.CrmOutcome.CRM_OUTCOME_APPOINTMENT_CANCELLED,
    );

    await requestChange(iid, cancelRequest); // the same request again, another event id
    await sleep(1_500);
    expect(all(await appointmentEvents(iid), 'cancelled')).toHaveLength(1);
  });

  it('answers a reschedule into a window without a slot with alternatives and keeps the booking', async () => {
    const iid = newId('sch-nomove');
    await decide(iid, appointmentGrant(iid, windowOn(day(1, 3), 16, 18)));
    const { booked } = await bookedOf(iid);
    const sunday = day(1, 7);
    await requestChange(iid, {
      requestId: newId('chg'),
      appointmentId: booked.appointmentId,
      requestedBy: 'buyer',
      reschedule: {
        window: {
          startAt: toTimestamp(sunday.set({ hour: 10 }).toMillis()),
          endAt: toTimestamp(sunday.set({ hour: 12 }).toMillis()),
          timeZone: 'UTC',
        },
      },
    });
    const events = await eventsUntil(iid, has('unavailable'));
    const unavailable = all(events, 'unavailable')[0]!.appointmentEvent!.unavailable!;
    expect(unavailable.reason).toBe(
      v1.AppointmentUnavailableReason.APPOINTMENT_UNAVAILABLE_REASON_NO_SLOT_IN_WINDOW,
    );
    expect(unavailable.nearestAlternatives!.length).toBeGreaterThan(0);
    expect(all(events, 'rescheduled')).toHaveLength(0);
  });

  it('dead-letters a change request for an appointment of another interaction', async () => {
    const owner = newId('sch-owner');
    await decide(owner, appointmentGrant(owner, windowOn(day(1, 2), 13, 18)));
    const { booked } = await bookedOf(owner);
    const intruder = newId('sch-intruder');
    await requestChange(intruder, {
      requestId: newId('chg'),
      appointmentId: booked.appointmentId,
      cancel: { reason: 'not mine to cancel' },
    });
    const [record] = await deadLettersOf(intruder);
    expect(record).toMatchObject({
      reasonName: 'VALIDATION_FAILED',
      errorCode: 'APPOINTMENT_INTERACTION_MISMATCH',
    });
    expect(all(await appointmentEvents(owner), 'cancelled')).toHaveLength(0);
  });

  it('books each grant once across two replicas, never double-booking a closer', async () => {
    const second = await stack.start('scheduler');
    const window = windowOn(day(1, 1), 12, 20);
    const interactions = [1, 2, 3, 4].map(() => newId('sch-replicas'));
    await Promise.all(
      interactions.map(async (iid) => {
        // Authorised directly and as a transfer's fallback at once: two families, two consumers,
        // handled in parallel by either replica.
        const grant = appointmentGrant(iid, window, { fallbackScopes: [SCOPES.appointmentBook] });
        await Promise.all([decide(iid, grant), fallBack(iid, grant), decide(iid, grant)]);
      }),
    );
    const booked = await Promise.all(interactions.map(async (iid) => (await bookedOf(iid)).booked));
    await sleep(2_000);
    for (const iid of interactions) {
      const events = await appointmentEvents(iid);
      expect(all(events, 'booked')).toHaveLength(1);
      expect(all(events, 'crmUpdate')).toHaveLength(1);
    }
    const slots = booked.map((b) => ({
      closerId: b.closerId,
      startMs: fromTimestamp(b.startAt!),
      endMs: fromTimestamp(b.endAt!),
    }));
    for (const a of slots) {
      for (const b of slots) {
        if (a === b || a.closerId !== b.closerId) continue;
        expect(a.endMs <= b.startMs || b.endMs <= a.startMs).toBe(true);
      }
    }
    expect(second.logs().some((line) => line['msg'] === 'agent ready')).toBe(true);
  });
});

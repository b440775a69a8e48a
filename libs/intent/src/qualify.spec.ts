import { fromTimestamp, v1, type IIntentState, type ITimestamp } from '@warmline/contracts';
import { DateTime } from 'luxon';
import {
  conversation,
  signalEvent,
  T0,
  TIME_ZONE,
  type Turn,
} from './__fixtures__/conversation.js';
import { replay } from './__fixtures__/replay.js';
import { SignalInvalidError } from './errors.js';
import { markerOf } from './intent-queries.js';
import type { MarkerKindName } from './marker-kind.js';
import { qualify } from './qualify.js';

const STATUS = v1.MarkerStatus;

function status(state: IIntentState, kind: MarkerKindName): string {
  return v1.MarkerStatus[markerOf(state, kind).status ?? 0] ?? '?';
}

function evidenceIds(state: IIntentState, kind: MarkerKindName): string[] {
  return (markerOf(state, kind).evidence ?? []).map((e) => e.signalId ?? '');
}

const ALL: MarkerKindName[] = [
  'scope_confirmed',
  'timing_consent',
  'next_step_accepted',
  'escalation_permission',
];

const explicit: Turn[] = [
  { agent: 'Hi, this is Ava from Sunny Solar. Is now a good time to talk?' },
  { buyer: 'Sure, now is fine.' }, // sig-0004
  { agent: 'So you need the whole roof covered, is that right?' },
  { buyer: 'Yes, the whole roof is what I need.' }, // sig-0006
  { agent: 'The next step is a free site survey. Shall I book it?' },
  { buyer: "Yes, let's do the site survey." }, // sig-0008
  { agent: 'Would you like me to connect you to a specialist?' },
  { buyer: 'Yes please, put me through.' }, // sig-0010
];

describe('qualify: the acceptance conversations', () => {
  it('validates all four markers when the buyer explicitly confirms them, with the signal ids as evidence', () => {
    const { state } = replay(conversation(explicit));
    expect(ALL.map((kind) => status(state, kind))).toEqual(
      Array(4).fill('MARKER_STATUS_VALIDATED'),
    );
    expect(evidenceIds(state, 'timing_consent')).toEqual(['sig-0004']);
    expect(evidenceIds(state, 'scope_confirmed')).toEqual(['sig-0006']);
    expect(evidenceIds(state, 'next_step_accepted')).toEqual(['sig-0008']);
    expect(evidenceIds(state, 'escalation_permission')).toEqual(['sig-0010']);
    expect(markerOf(state, 'scope_confirmed').evidence?.[0]).toMatchObject({
      source: v1.EvidenceSource.EVIDENCE_SOURCE_TRANSCRIPT,
      quote: 'Yes, the whole roof is what I need.',
      segmentId: 'seg-4',
      confidence: 0.93,
    });
  });

  it('leaves the same conversation in hedged language exploratory', () => {
    const hedged: Turn[] = [
      { agent: 'Is now a good time to talk?' },
      { buyer: 'I guess, maybe.' },
      { agent: 'So you need the whole roof covered, is that right?' },
      { buyer: "Probably, I'm not sure yet." },
      { agent: 'Shall I book the site survey?' },
      { buyer: "I'd have to check." },
      { agent: 'Would you like me to connect you to a specialist?' },
      { buyer: "Maybe, I'm just looking." },
    ];
    const { state } = replay(conversation(hedged));
    expect(ALL.map((kind) => status(state, kind))).toEqual(
      Array(4).fill('MARKER_STATUS_EXPLORATORY'),
    );
    expect(state.lastValidatingEvidenceAt).toBeUndefined();
  });

  it('never takes a voicemail greeting as evidence, even one perception did not flag', () => {
    const { state } = replay(
      conversation([
        { agent: 'Hi! Is now a good time to talk?' },
        { buyer: "Yes! You've reached the Smiths. Leave a message after the beep." },
        { agent: 'Would you like me to connect you to a specialist?' },
        { buyer: 'Yes please, put me through.' },
      ]),
    );
    expect(state.markers).toEqual([]);
    expect(state.callHealth?.answeringMachine).toBe(true);
  });

  it('never takes speech flagged from_voicemail, or heard after a machine answered, as evidence', () => {
    const flagged = replay(
      conversation([
        { agent: 'Would you like me to connect you to a specialist?' },
        { buyer: 'Yes please, put me through.', fromVoicemail: true },
      ]),
    ).state;
    expect(flagged.markers).toEqual([]);
    const afterMachine = replay(
      conversation([
        { amd: 'machine' },
        { agent: 'Shall I book the site survey?' },
        { buyer: 'Sign me up.' },
      ]),
    ).state;
    expect(afterMachine.markers).toEqual([]);
    expect(afterMachine.callHealth?.answeringMachine).toBe(true);
  });

  it('does not validate a confirmation cut mid-sentence until it is confirmed again', () => {
    const turns: Turn[] = [
      { agent: 'Would you like me to connect you to a specialist?' },
      { buyer: 'Yes please put me thr', incomplete: true },
      { interrupt: 'previous', by: 'agent' },
    ];
    const cut = replay(conversation(turns));
    expect(status(cut.state, 'escalation_permission')).toBe('MARKER_STATUS_EXPLORATORY');
    const confirmed = replay(conversation([...turns, { buyer: 'Yes, put me through.' }]));
    expect(status(confirmed.state, 'escalation_permission')).toBe('MARKER_STATUS_VALIDATED');
    expect(evidenceIds(confirmed.state, 'escalation_permission')).toEqual(['sig-0006']);
  });

  it('retracts a validation when an interruption arrives after the segment it cut', () => {
    const base: Turn[] = [
      { agent: 'Would you like me to connect you to a specialist?' },
      { buyer: 'Yes, put me through to' }, // seg-2, not flagged by perception
    ];
    const before = replay(conversation(base));
    expect(status(before.state, 'escalation_permission')).toBe('MARKER_STATUS_VALIDATED');
    const after = replay(conversation([...base, { interrupt: 'seg-2', by: 'agent' }]));
    expect(status(after.state, 'escalation_permission')).toBe('MARKER_STATUS_EXPLORATORY');
    expect(after.changes.at(-1)?.changedMarkers).toEqual([
      v1.MarkerKind.MARKER_KIND_ESCALATION_PERMISSION,
    ]);
    // Confirmed in another, whole segment: cutting the first one no longer matters.
    const twice = replay(
      conversation([...base, { buyer: 'Yes, connect me.' }, { interrupt: 'seg-2', by: 'agent' }]),
    );
    expect(status(twice.state, 'escalation_permission')).toBe('MARKER_STATUS_VALIDATED');
  });

  it('captures "call me Thursday after 2" as a ConsentWindow in the buyer’s zone', () => {
    const { state } = replay(
      conversation([
        { agent: 'When would be a good time for a call back?' },
        { buyer: 'Call me Thursday after 2.' },
      ]),
    );
    expect(status(state, 'timing_consent')).toBe('MARKER_STATUS_VALIDATED');
    const window = state.consentWindow;
    const local = (ts: ITimestamp | null | undefined) =>
      DateTime.fromMillis(fromTimestamp(ts ?? {}), { zone: TIME_ZONE }).toFormat(
        'ccc dd LLL HH:mm',
      );
    expect(local(window?.startAt)).toBe('Thu 05 Mar 14:00');
    expect(local(window?.endAt)).toBe('Thu 05 Mar 18:00');
    expect(window?.timeZone).toBe(TIME_ZONE);
    expect(window?.sourceText).toBe('Call me Thursday after 2.');
  });

  it('takes the window from the agent’s proposal when the buyer just says yes to it', () => {
    const { state } = replay(
      conversation([{ agent: 'Can I call you back tomorrow at 3?' }, { buyer: 'Sure.' }]),
    );
    expect(fromTimestamp(state.consentWindow?.startAt ?? {})).toBe(Date.UTC(2026, 2, 3, 20, 0));
    expect(state.consentWindow?.sourceText).toBe(
      'Sure. (to: "Can I call you back tomorrow at 3?")',
    );
  });

  it('revokes a validated marker on a later contradiction, and validates it again on fresh evidence', () => {
    const turns: Turn[] = [
      { agent: 'Would you like me to connect you to a specialist?' },
      { buyer: 'Yes, put me through.' }, // sig-0004
      { agent: 'Great, connecting you to a specialist now.' },
      { buyer: 'Actually, I changed my mind.' }, // sig-0006
    ];
    const revoked = replay(conversation(turns));
    expect(status(revoked.state, 'escalation_permission')).toBe('MARKER_STATUS_REVOKED');
    expect(evidenceIds(revoked.state, 'escalation_permission')).toEqual(['sig-0006']);
    const again = replay(
      conversation([
        ...turns,
        { agent: 'No problem. Shall I connect you later today?' },
        { buyer: 'Yes, connect me.' },
      ]),
    );
    expect(status(again.state, 'escalation_permission')).toBe('MARKER_STATUS_VALIDATED');
    expect(evidenceIds(again.state, 'escalation_permission')).toEqual(['sig-0008']);
  });
});

describe('qualify: marker rules', () => {
  it('records low-confidence affirmation as exploratory evidence, and validates on a confident one', () => {
    const turns: Turn[] = [
      { agent: 'Shall I book the site survey?' },
      { buyer: 'Yes, book it.', confidence: 0.5 },
    ];
    const weak = replay(conversation(turns)).state;
    expect(status(weak, 'next_step_accepted')).toBe('MARKER_STATUS_EXPLORATORY');
    expect(evidenceIds(weak, 'next_step_accepted')).toEqual(['sig-0004']);
    const strong = replay(conversation([...turns, { buyer: 'Yes, book it please.' }])).state;
    expect(status(strong, 'next_step_accepted')).toBe('MARKER_STATUS_VALIDATED');
  });

  it('drops a validated marker to exploratory on second thoughts about it', () => {
    const { state, changes } = replay(
      conversation([
        { agent: 'Shall I book the site survey?' },
        { buyer: 'Yes, book it.' },
        { agent: 'Great, so I will book the survey?' },
        { buyer: 'Hmm, maybe. I would have to check.' },
      ]),
    );
    expect(status(state, 'next_step_accepted')).toBe('MARKER_STATUS_EXPLORATORY');
    expect(changes.at(-1)?.changedMarkers).toEqual([v1.MarkerKind.MARKER_KIND_NEXT_STEP_ACCEPTED]);
  });

  it('keeps a validated marker validated when a weak re-affirmation arrives, recording it', () => {
    const { state } = replay(
      conversation([
        { agent: 'Shall I book the site survey?' },
        { buyer: 'Yes, book it.' },
        { buyer: 'yes', confidence: 0.4 },
      ]),
    );
    expect(status(state, 'next_step_accepted')).toBe('MARKER_STATUS_VALIDATED');
    expect(evidenceIds(state, 'next_step_accepted')).toEqual(['sig-0004', 'sig-0005']);
  });

  it('takes a refusal of a tentative marker back to ABSENT, keeping the refusal as evidence', () => {
    const { state } = replay(
      conversation([
        { agent: 'Shall I book the site survey?' },
        { buyer: 'Maybe.' },
        { agent: 'Shall I book it then?' },
        { buyer: 'No.' },
      ]),
    );
    expect(markerOf(state, 'next_step_accepted')).toMatchObject({
      status: STATUS.MARKER_STATUS_ABSENT,
      evidence: [expect.objectContaining({ signalId: 'sig-0006', quote: 'No.' })],
    });
  });

  it('lets a withdrawal count from a low-confidence utterance (it takes quality to validate, not to withdraw)', () => {
    const { state } = replay(
      conversation([
        { agent: 'Would you like me to connect you to a specialist?' },
        { buyer: 'Yes, put me through.' },
        { agent: 'Connecting you now.' },
        { buyer: 'No, wait, I changed my mind.', confidence: 0.4 },
      ]),
    );
    expect(status(state, 'escalation_permission')).toBe('MARKER_STATUS_REVOKED');
  });

  it('never takes a partial transcript or the agent’s own words as evidence', () => {
    const { state } = replay(
      conversation([
        { agent: 'Would you like me to connect you to a specialist?' },
        { buyer: 'Yes put me through', final: false },
        { agent: 'I want the 10 kW system, sign me up, put me through.' },
      ]),
    );
    expect(state.markers).toEqual([]);
  });

  it('treats speech of an unknown speaker as possibly the buyer’s: exploratory at most', () => {
    const { state } = replay(
      conversation([
        { agent: 'Would you like me to connect you to a specialist?' },
        { buyer: 'Yes, put me through.', speaker: v1.Speaker.SPEAKER_UNSPECIFIED },
      ]),
    );
    expect(status(state, 'escalation_permission')).toBe('MARKER_STATUS_EXPLORATORY');
  });

  it('withdraws the consent window with the timing consent', () => {
    const turns: Turn[] = [
      { agent: 'When is a good time?' },
      { buyer: 'Call me Thursday after 2.' },
    ];
    expect(replay(conversation(turns)).state.consentWindow).toBeDefined();
    const withdrawn = replay(
      conversation([
        ...turns,
        { agent: 'Thursday after 2 then?' },
        { buyer: 'No, actually never mind.' },
      ]),
    ).state;
    expect(status(withdrawn, 'timing_consent')).toBe('MARKER_STATUS_REVOKED');
    expect(withdrawn.consentWindow).toBeUndefined();
  });

  it('stamps every time with the signal’s own event time', () => {
    const events = conversation(explicit.slice(0, 2));
    const { state } = replay(events);
    const at = (events.at(-1) as { occurredAtMs: number }).occurredAtMs;
    expect(fromTimestamp(state.updatedAt ?? {})).toBe(at);
    expect(fromTimestamp(markerOf(state, 'timing_consent').changedAt ?? {})).toBe(at);
    expect(fromTimestamp(markerOf(state, 'timing_consent').evidence?.[0]?.observedAt ?? {})).toBe(
      at,
    );
    expect(fromTimestamp(state.lastValidatingEvidenceAt ?? {})).toBe(at);
  });
});

describe('qualify: versions', () => {
  it('creates version 1 on the first signal, with the campaign, language, zone and territory of CallStarted', () => {
    const [started] = conversation([]);
    const result = qualify(null, null, started as never);
    expect(result.change).toEqual({
      previousVersion: 0,
      version: 1,
      changedMarkers: [],
      changedObjectionIds: [],
      causeSignalId: 'sig-0001',
    });
    expect(result.state).toMatchObject({
      interactionId: 'call-1',
      version: 1,
      campaignId: 'solar-q4',
      buyerLanguage: 'en-US',
      buyerTimeZone: TIME_ZONE,
      territory: 'US-NY',
    });
  });

  it('returns the state unchanged (and no change) when a signal changes nothing meaningful', () => {
    const [started, answered] = conversation([]);
    const first = qualify(null, null, started as never);
    const second = qualify(first.state, first.context, answered as never);
    expect(second.change).toBeNull();
    expect(second.state).toBe(first.state);
    expect(second.context.signalCount).toBe(2);
  });

  it('ignores a signal it has already applied', () => {
    const events = conversation(explicit.slice(0, 2));
    const { state, context } = replay(events);
    const again = qualify(state, context, events.at(-1) as never);
    expect(again.change).toBeNull();
    expect(again.state).toBe(state);
    expect(again.context).toBe(context);
  });

  it('does not let a late CallStarted with empty fields erase what is known', () => {
    const { state, context } = replay(conversation(explicit.slice(0, 2)));
    const late = signalEvent(
      { callStarted: { campaignId: '', timeZone: '' } },
      { signalId: 'sig-late', occurredAtMs: T0 + 60_000 },
    );
    const result = qualify(state, context, late);
    expect(result.state.campaignId).toBe('solar-q4');
    expect(result.state.buyerTimeZone).toBe(TIME_ZONE);
  });

  it('refuses a CallStarted whose time zone is not IANA', () => {
    const bad = signalEvent({ callStarted: { campaignId: 'c', timeZone: 'Mars/Olympus' } });
    expect(() => qualify(null, null, bad)).toThrow(SignalInvalidError);
  });
});

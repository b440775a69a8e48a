import { v1, type warmline } from '@warmline/contracts';
import { MINUTE, SOLAR_EN, T0, presence, rosterOf } from './__fixtures__/closers.js';
import { eligibleClosers, ineligibility, type IneligibleReason } from './eligibility.js';
import { emptyLedger, findReservation } from './ledger.js';
import { reserve } from './reserve.js';
import { findCloser } from './roster.js';
import { acceptReservation, rejectReservation } from './reservation-answers.js';

function reasonFor(
  overrides: Partial<warmline.v1.ICloserPresence>,
  needs = SOLAR_EN,
  nowMs = T0,
): IneligibleReason | null {
  const roster = rosterOf(presence(overrides));
  const closer = findCloser(roster, 'closer-a');
  if (closer === null) throw new Error('fixture closer missing');
  return ineligibility(closer, needs, emptyLedger(), nowMs);
}

describe('ineligibility', () => {
  it('finds nothing wrong with a matching, available, working closer', () => {
    expect(reasonFor({})).toBeNull();
  });

  it.each<[string, Partial<warmline.v1.ICloserPresence>, IneligibleReason]>([
    ['busy', { presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_BUSY }, 'not_available'],
    ['away', { presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AWAY }, 'not_available'],
    [
      'offline',
      { presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE },
      'not_available',
    ],
    ['without an address to dial', { address: '' }, 'no_address'],
    ['without the skill', { skills: ['roofing'] }, 'missing_skill'],
    ['speaking another language', { languages: ['fr-FR'] }, 'language'],
    ['covering other territories', { territories: ['US-CA'] }, 'territory'],
    ['in a zone where it is night', { timeZone: 'Asia/Tokyo' }, 'outside_working_hours'],
    ['with no working hours', { workingHours: [] }, 'outside_working_hours'],
  ])('excludes a closer %s', (_name, overrides, reason) => {
    const needs = { ...SOLAR_EN, territory: 'US-TX' };
    expect(reasonFor(overrides, needs)).toBe(reason);
  });

  it('needs every skill, not just one', () => {
    expect(reasonFor({ skills: ['solar'] }, { ...SOLAR_EN, skills: ['solar', 'battery'] })).toBe(
      'missing_skill',
    );
    expect(
      reasonFor({ skills: ['battery', 'solar'] }, { ...SOLAR_EN, skills: ['solar', 'battery'] }),
    ).toBeNull();
  });

  it('matches language by primary subtag and territory case-insensitively; no territories = all', () => {
    expect(reasonFor({ languages: ['es'] }, { ...SOLAR_EN, language: 'es-MX' })).toBeNull();
    expect(reasonFor({ territories: ['us-tx'] }, { ...SOLAR_EN, territory: 'US-TX' })).toBeNull();
    expect(reasonFor({ territories: [] }, { ...SOLAR_EN, territory: 'US-TX' })).toBeNull();
  });

  it('excludes a closer already tried for this handoff', () => {
    const roster = rosterOf(presence());
    const closer = findCloser(roster, 'closer-a');
    if (closer === null) throw new Error('fixture closer missing');
    expect(ineligibility(closer, SOLAR_EN, emptyLedger(), T0, ['closer-a'])).toBe('already_tried');
  });

  it('excludes a closer whose capacity is held by pending or accepted reservations, and frees it when they end', () => {
    const roster = rosterOf(presence({ capacity: 2 }));
    const request = (id: string, attempt: number) => ({
      id,
      handoffId: `h-${id}`,
      attempt,
      expiresAtMs: T0 + MINUTE,
    });
    let ledger = reserve(emptyLedger(), 'closer-a', request('r1', 1), roster, T0);
    expect(eligibleClosers(roster, SOLAR_EN, ledger, T0)).toHaveLength(1);
    ledger = reserve(ledger, 'closer-a', request('r2', 1), roster, T0);
    ledger = acceptReservation(ledger, 'r2', T0);
    expect(findReservation(ledger, 'r2')?.status).toBe('accepted');
    expect(eligibleClosers(roster, SOLAR_EN, ledger, T0)).toEqual([]);
    ledger = rejectReservation(ledger, 'r1', T0);
    expect(eligibleClosers(roster, SOLAR_EN, ledger, T0).map((c) => c.closerId)).toEqual([
      'closer-a',
    ]);
  });
});

describe('eligibleClosers', () => {
  it('keeps only the closers who can take the transfer now, ordered by id', () => {
    const roster = rosterOf(
      presence({ closerId: 'zed' }),
      presence({ closerId: 'amy' }),
      presence({ closerId: 'bob', languages: ['de'] }),
      presence({ closerId: 'cat', presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_OFFLINE }),
    );
    expect(eligibleClosers(roster, SOLAR_EN, emptyLedger(), T0).map((c) => c.closerId)).toEqual([
      'amy',
      'zed',
    ]);
    expect(
      eligibleClosers(roster, SOLAR_EN, emptyLedger(), T0, ['amy']).map((c) => c.closerId),
    ).toEqual(['zed']);
  });

  it('finds nobody outside working hours', () => {
    const roster = rosterOf(presence());
    const saturday = Date.UTC(2026, 2, 7, 15, 0);
    expect(eligibleClosers(roster, SOLAR_EN, emptyLedger(), saturday)).toEqual([]);
  });
});

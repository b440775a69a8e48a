import fc from 'fast-check';
import { ContractValidationError } from './errors.js';
import { fnv1a32 } from './fnv1a.js';
import { isValidId } from './ids.js';
import {
  closerSubject,
  deadLetterSubject,
  FAMILIES,
  isInteractionFamily,
  parseCloserSubject,
  parseDeadLetterSubject,
  parseSubject,
  partitionFilter,
  partitionOf,
  PARTITIONS,
  requiredScope,
  streamFor,
  streamSubjects,
  subjectFor,
  type InteractionFamily,
} from './subjects.js';

const interactionFamilies = FAMILIES.map((f) => f.family).filter(isInteractionFamily);
const validId = fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/);

describe('fnv1a32', () => {
  // Published FNV-1a 32-bit test vectors, plus a multi-byte UTF-8 one (é = C3 A9, not UTF-16 00E9).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
    ['é', 0x1e9de8c1],
  ])('fnv1a32(%j) = %i', (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });
});

describe('partitionOf', () => {
  // Fixed vectors: any implementation in any language must agree, or events of one interaction split.
  it.each([
    ['call-1', 7],
    ['int_0001', 0],
    ['A', 12],
    ['interaction-42', 0],
    ['x'.repeat(128), 5],
  ])('partitionOf(%j) = %i', (id, partition) => {
    expect(partitionOf(id)).toBe(partition);
  });

  it('is always an integer in 0..15', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const p = partitionOf(id);
        return Number.isInteger(p) && p >= 0 && p < PARTITIONS;
      }),
    );
  });
});

describe('subjectFor / parseSubject', () => {
  it('formats wl.<family>.<partition>.<interaction_id>', () => {
    expect(subjectFor('signal', 'call-1')).toBe('wl.signal.7.call-1');
    expect(subjectFor('callprogress', 'int_0001')).toBe('wl.callprogress.0.int_0001');
  });

  it('round-trips for every interaction family and valid id', () => {
    fc.assert(
      fc.property(fc.constantFrom(...interactionFamilies), validId, (family, id) => {
        const subject = subjectFor(family, id);
        expect(parseSubject(subject)).toEqual({
          family,
          partition: partitionOf(id),
          interactionId: id,
        });
      }),
    );
  });

  it.each([
    'wl.signal.7',
    'wl.signal.7.call-1.extra',
    'xx.signal.7.call-1',
    'wl.unknown.7.call-1',
    'wl.closer.7.call-1',
    'wl.signal.3.call-1', // partition does not match the id
    'wl.signal.07.call-1',
    'wl.signal.16.call-1',
    'wl.signal.-1.call-1',
    'wl.signal.7.*',
    'wl.signal.7.>',
    'wl.closer.closer-7',
    '',
  ])('rejects %j', (subject) => {
    expect(parseSubject(subject)).toBeNull();
  });

  it.each(['', 'a.b', 'a b', '*', '>', 'x'.repeat(129), 'café'])(
    'refuses the invalid id %j',
    (id) => {
      expect(isValidId(id)).toBe(false);
      expect(() => subjectFor('signal', id)).toThrow(ContractValidationError);
      expect(() => closerSubject(id)).toThrow(ContractValidationError);
      expect(() => deadLetterSubject(id)).toThrow(ContractValidationError);
    },
  );

  it('refuses a family that is not interaction-keyed at run time', () => {
    expect(() => subjectFor('closer' as InteractionFamily, 'call-1')).toThrow(
      ContractValidationError,
    );
  });
});

describe('closer and dead-letter subjects', () => {
  it('format and parse', () => {
    expect(closerSubject('closer-7')).toBe('wl.closer.closer-7');
    expect(parseCloserSubject('wl.closer.closer-7')).toBe('closer-7');
    expect(deadLetterSubject('escalation-governor')).toBe('wl.dlq.escalation-governor');
    expect(parseDeadLetterSubject('wl.dlq.escalation-governor')).toBe('escalation-governor');
  });

  it('parse nothing else', () => {
    expect(parseCloserSubject('wl.dlq.router')).toBeNull();
    expect(parseCloserSubject('wl.closer.a.b')).toBeNull();
    expect(parseDeadLetterSubject('wl.dlq.*')).toBeNull();
  });
});

describe('family table (docs/bus.md)', () => {
  it('maps every family to its stream and required scope', () => {
    const table = Object.fromEntries(
      FAMILIES.map((f) => [f.family, [streamFor(f.family), requiredScope(f.family)]]),
    );
    expect(table).toEqual({
      perception: ['WL_PERCEPTION', 'perception.publish'],
      schedule: ['WL_SCHEDULE', 'appointment.change'],
      signal: ['WL_SIGNAL', 'signal.publish'],
      intent: ['WL_INTENT', 'intent.publish'],
      decision: ['WL_DECISION', 'decision.publish'],
      handoff: ['WL_HANDOFF', 'handoff.publish'],
      telephony: ['WL_TELEPHONY', 'telephony.command'],
      callprogress: ['WL_CALLPROGRESS', 'telephony.report'],
      reservation: ['WL_RESERVATION', 'reservation.respond'],
      appointment: ['WL_APPOINTMENT', 'appointment.publish'],
      closer: ['WL_CLOSER', 'closer.presence'],
      dlq: ['WL_DEADLETTER', 'deadletter.publish'],
    });
  });

  it('gives stream subjects and per-partition consumer filters', () => {
    expect(streamSubjects('signal')).toEqual(['wl.signal.>']);
    expect(streamSubjects('closer')).toEqual(['wl.closer.*']);
    expect(streamSubjects('dlq')).toEqual(['wl.dlq.*']);
    expect(partitionFilter('signal', 15)).toBe('wl.signal.15.>');
    expect(() => partitionFilter('signal', 16)).toThrow(ContractValidationError);
  });

  it('assigns every body case to exactly one family', () => {
    const bodies = FAMILIES.flatMap((f) => f.bodies);
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(bodies).toHaveLength(14);
  });
});

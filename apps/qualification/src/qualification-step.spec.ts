import { v1 } from '@warmline/contracts';
import { markerOf } from '@warmline/intent';
import { conversation } from '@warmline/intent/testing';
import { DEFAULT_POLICY, PolicyBook } from '@warmline/policy';
import {
  decodeState,
  intentEventId,
  qualificationKey,
  qualifyStep,
  type QualificationCheckpoint,
} from './qualification-step.js';
import { settingsFrom } from './qualification-settings.js';

const settings = settingsFrom(new PolicyBook([DEFAULT_POLICY]));

function run(events: ReturnType<typeof conversation>) {
  let checkpoint: QualificationCheckpoint | null = null;
  const outcomes = events.map((event, i) => {
    const outcome = qualifyStep(checkpoint, event, `ev-${i}`, settings);
    checkpoint = outcome.state;
    return outcome;
  });
  return { outcomes, checkpoint: checkpoint as QualificationCheckpoint | null };
}

describe('qualifyStep', () => {
  it('writes, audits and publishes each new intent version, in that order, with stable ids', () => {
    const { outcomes, checkpoint } = run(
      conversation([
        { agent: 'Is the full roof replacement what you are looking for?' },
        { buyer: 'Yes, the full roof replacement is exactly what I need.', confidence: 0.95 },
      ]),
    );
    const changed = outcomes.filter((o) => o.result.version !== null);
    expect(changed.map((o) => o.result.version)).toEqual(
      Array.from({ length: changed.length }, (_, i) => i + 1),
    );
    const last = changed.at(-1)!;
    expect(last.effects.map((e) => e.kind)).toEqual(['intent', 'audit', 'publish']);
    const publish = last.effects[2]!;
    const version = last.result.version!;
    expect(publish.kind === 'publish' && publish.envelope).toMatchObject({
      eventId: intentEventId('call-1', version),
      intentVersion: version,
      sequence: version,
    });
    const state = decodeState(checkpoint!.intent!);
    expect(markerOf(state, 'scope_confirmed').status).toBe(v1.MarkerStatus.MARKER_STATUS_VALIDATED);
  });

  it('saves the context without a version when a signal changes nothing', () => {
    const { outcomes } = run(conversation([{ agent: 'Let me pull up your account.' }]));
    const quiet = outcomes.at(-1)!;
    expect(quiet.result.version).toBeNull();
    expect(quiet.effects).toEqual([]);
  });

  it('applies a re-delivered signal only once', () => {
    const events = conversation([
      { agent: 'Would you like me to connect you with a specialist now?' },
      { buyer: 'Yes please, connect me now.', confidence: 0.95 },
    ]);
    const { checkpoint } = run(events);
    const again = qualifyStep(checkpoint, events.at(-1)!, 'ev-again', settings);
    expect(again.result.version).toBeNull();
    expect(again.effects).toEqual([]);
  });

  it('keys the checkpoint by interaction', () => {
    expect(qualificationKey('call-9')).toBe('qualification.interaction.call-9');
  });
});

// The one gate every telephony command passes before the router publishes it: the command must
// belong to this handoff and attempt, carry its deterministic key, and — for dial, whisper and
// bridge — satisfy the safety rule. Recording the same key twice is a no-op, so the router checks
// `commandIssued` (or compares the returned object) and publishes only what is new.
import type { warmline } from '@warmline/contracts';
import { HandoffInputError } from './errors.js';
import { bridgeAllowed, dialAllowed, whisperAllowed } from './guards.js';
import { findLeg, type Handoff } from './handoff.js';
import { refuse } from './handoff-steps.js';
import { commandKey, commandVerbOf, type TelephonyVerb } from './telephony-plan.js';

/**
 * The handoff with `command` recorded as issued. Refuses (HandoffRefusedError) a command of another
 * handoff/grant or with a foreign key (`command_mismatch`), a dial the rules forbid
 * (`dial_not_allowed`, see dialAllowed), a whisper in cold mode or out of place
 * (`whisper_not_allowed`), a bridge bridgeAllowed denies or to another leg (`bridge_not_allowed`),
 * and a cancel of an unknown leg (`leg_mismatch`). In cold mode recording the dial makes its closer
 * the attempt's closer (there is no reservation to do it).
 */
export function recordCommand(handoff: Handoff, command: warmline.v1.ITelephonyCommand): Handoff {
  const verb = commandVerbOf(command);
  if (verb === null)
    throw new HandoffInputError(
      'command',
      'sets none of hold, dial_closer, whisper_brief, bridge, cancel, return_to_agent',
    );
  const key = command.idempotencyKey ?? '';
  checkBelongs(handoff, command, verb, key);
  if (handoff.commandsIssued.includes(key)) return handoff;
  const issued = guarded(handoff, command, verb);
  return { ...issued, commandsIssued: [...issued.commandsIssued, key] };
}

function guarded(
  handoff: Handoff,
  command: warmline.v1.ITelephonyCommand,
  verb: TelephonyVerb,
): Handoff {
  switch (verb) {
    case 'dial': {
      const closerId = command.dialCloser?.closerId ?? '';
      if (!dialAllowed(handoff, closerId)) {
        refuse(
          handoff,
          'dial_not_allowed',
          `closer ${closerId} may not be dialled in phase ${handoff.phase} of attempt ${handoff.attempt}`,
        );
      }
      if (handoff.mode === 'warm') return handoff;
      return {
        ...handoff,
        current: { closerId, reservationId: null, reservationAccepted: false, legId: null },
        triedCloserIds: [...handoff.triedCloserIds, closerId],
      };
    }
    case 'whisper':
      if (!whisperAllowed(handoff) || command.whisperBrief?.legId !== handoff.current?.legId) {
        refuse(
          handoff,
          'whisper_not_allowed',
          `no whisper in a ${handoff.mode} handoff in phase ${handoff.phase}`,
        );
      }
      return handoff;
    case 'bridge':
      if (!bridgeAllowed(handoff) || command.bridge?.legId !== handoff.current?.legId) {
        refuse(
          handoff,
          'bridge_not_allowed',
          `bridge to leg ${command.bridge?.legId ?? ''} refused in phase ${handoff.phase} of attempt ${handoff.attempt}`,
        );
      }
      return handoff;
    case 'cancel':
      if (findLeg(handoff, command.cancel?.legId ?? '') === null) {
        refuse(
          handoff,
          'leg_mismatch',
          `cancel of leg ${command.cancel?.legId ?? ''}, which this handoff never dialled`,
        );
      }
      return handoff;
    case 'hold':
    case 'return_to_agent':
      return handoff;
  }
}

function checkBelongs(
  handoff: Handoff,
  command: warmline.v1.ITelephonyCommand,
  verb: TelephonyVerb,
  key: string,
): void {
  if (command.handoffId !== handoff.id || command.grantId !== handoff.grantId) {
    refuse(
      handoff,
      'command_mismatch',
      `command ${key} belongs to handoff ${command.handoffId ?? ''} / grant ${command.grantId ?? ''}`,
    );
  }
  // A cancel may end a leg of an earlier attempt; every other command acts on the current one.
  const attempt =
    verb === 'cancel'
      ? (findLeg(handoff, command.cancel?.legId ?? '')?.attempt ?? handoff.attempt)
      : handoff.attempt;
  const expected = commandKey(handoff.id, attempt, verb);
  if (key !== expected || command.commandId !== expected) {
    refuse(handoff, 'command_mismatch', `command key ${key} should be ${expected}`);
  }
}

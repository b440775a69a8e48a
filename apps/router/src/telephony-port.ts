// How a telephony command leaves the router. A command is an effect committed with the handoff
// record that issued it (the record is the safety gate), so the port turns a command into the effect
// that delivers it; performing it is the runtime's job, after the commit, exactly once per event id.
import type { PublishEffect } from '@warmline/agent-runtime';
import { toTimestamp, type warmline } from '@warmline/contracts';
import { telephonyEventId } from './derived-ids.js';

/** The envelope around one command. */
export interface CommandEnvelope {
  readonly interactionId: string;
  readonly sequence: number;
  readonly occurredAtMs: number;
  readonly causationId: string;
  readonly correlationId: string;
  readonly intentVersion: number;
  /** The grant authorising the command; the adapter verifies it before any effect. */
  readonly grant: warmline.v1.IAuthorityGrant;
}

/** Where telephony commands go: the simulator's or a provider's adapter behind the bus. */
export interface TelephonyPort {
  /** The effect that delivers `command`; the same command always yields the same event id. */
  deliver(command: warmline.v1.ITelephonyCommand, envelope: CommandEnvelope): PublishEffect;
}

/**
 * Commands as protobuf TelephonyCommands on the `telephony` family, with the grant in the envelope's
 * authority; the adapter consuming it answers with CallProgress on `callprogress`.
 */
export class BusTelephony implements TelephonyPort {
  deliver(command: warmline.v1.ITelephonyCommand, envelope: CommandEnvelope): PublishEffect {
    return {
      kind: 'publish',
      family: 'telephony',
      interactionId: envelope.interactionId,
      envelope: {
        eventId: telephonyEventId(command.idempotencyKey ?? ''),
        sequence: envelope.sequence,
        occurredAt: toTimestamp(envelope.occurredAtMs),
        causationId: envelope.causationId,
        correlationId: envelope.correlationId,
        intentVersion: envelope.intentVersion,
        authority: { grant: envelope.grant },
        telephonyCommand: command,
      },
    };
  }
}

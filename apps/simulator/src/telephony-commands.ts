// The telephony family's consumer: every TelephonyCommand for a call the adapter carries is checked
// against its grant before any effect. A refused command gets CallProgress FAILED and is then
// dead-lettered (GRANT_REFUSED, the refusal's code), as any executor does; a command for a call the
// adapter does not carry is acknowledged and left alone.
import { PermanentHandlerError } from '@warmline/bus';
import type { warmline } from '@warmline/contracts';
import { CommandGrants, CommandRefusedError } from './command-grant.js';
import type { TelephonyAdapter } from './telephony-adapter.js';
import type { WallClock } from './wall-clock.js';

/** Told about every command of a carried call as it arrives, and about refusals. */
export interface CommandObserver {
  commandArrived(interactionId: string, command: warmline.v1.ITelephonyCommand, atMs: number): void;
  commandRefused(interactionId: string, code: string, atMs: number): void;
}

/** Handles TelephonyCommand envelopes for an adapter. */
export class TelephonyCommands {
  constructor(
    private readonly adapter: TelephonyAdapter,
    private readonly grants: CommandGrants,
    private readonly clock: WallClock,
    private readonly observer: CommandObserver,
  ) {}

  /** The bus handler: resolves when handled; PermanentHandlerError for a bad or refused command. */
  async handle(envelope: warmline.v1.Envelope): Promise<void> {
    const interactionId = envelope.interactionId;
    if (!this.adapter.carries(interactionId)) return;
    const command = envelope.telephonyCommand;
    if (!command) {
      throw new PermanentHandlerError(`envelope ${envelope.eventId} carries no TelephonyCommand`, {
        reason: 'VALIDATION_FAILED',
        errorCode: 'TELEPHONY_COMMAND_MISSING',
      });
    }
    const now = this.clock.now();
    this.observer.commandArrived(interactionId, command, now);
    try {
      this.grants.verify(envelope, command, now);
    } catch (err) {
      if (!(err instanceof CommandRefusedError)) throw err;
      this.observer.commandRefused(interactionId, err.code, now);
      await this.adapter.refuse(interactionId, command, `${err.code}: ${err.message}`);
      throw new PermanentHandlerError(
        `command ${command.commandId ?? ''} refused: ${err.message}`,
        {
          reason: 'GRANT_REFUSED',
          errorCode: err.code,
        },
      );
    }
    await this.adapter.perform(interactionId, command);
  }
}

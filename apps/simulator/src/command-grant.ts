// Telephony verifies the governor's grant on every command before any effect, as an executor must:
// signature and issuer, validity, interaction, intent version, scope `transfer.live`, and that the
// grant is the one the command names. A grant that merely expired still lets a command END an effect
// (cancel a leg, hand the buyer back to the AI): the router sends those regardless of expiry, and
// refusing them would leave a closer ringing or a buyer on hold.
import {
  GrantExpiredError,
  GrantVerifier,
  SCOPES,
  isGrantRefused,
  type GrantClaims,
} from '@warmline/authority';
import type { warmline } from '@warmline/contracts';
import { commandVerbOf, type TelephonyVerb } from '@warmline/handoff';

/** Commands that end an effect rather than start one. */
const ENDING_VERBS: readonly (TelephonyVerb | null)[] = ['cancel', 'return_to_agent'];

/** A command telephony will not perform; `code` is the verifier's (GRANT_*) or GRANT_COMMAND_MISMATCH. */
export class CommandRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CommandRefusedError';
  }
}

/** Verifies the grants of telephony commands. */
export class CommandGrants {
  private readonly verifier: GrantVerifier;

  /** `trustedIssuerKeys`: the governors' public keys (WARMLINE_GRANT_TRUSTED_KEYS). */
  constructor(trustedIssuerKeys: readonly string[]) {
    this.verifier = new GrantVerifier({ trustedIssuerKeys });
  }

  /**
   * The claims of the grant in `envelope.authority.grant` when it authorises `command` at `nowMs`;
   * throws CommandRefusedError otherwise. The expected intent version is the envelope's: the router
   * stamps the grant's own, and telephony does not follow intent itself.
   */
  verify(
    envelope: warmline.v1.IEnvelope,
    command: warmline.v1.ITelephonyCommand,
    nowMs: number,
  ): GrantClaims {
    const grant = envelope.authority?.grant;
    const expectation = {
      interactionId: envelope.interactionId ?? '',
      intentVersion: envelope.intentVersion ?? 0,
      requiredScope: SCOPES.transferLive,
    };
    const claims = this.verified(grant, expectation, command, nowMs);
    if (command.grantId && command.grantId !== claims.grantId) {
      throw new CommandRefusedError(
        'GRANT_COMMAND_MISMATCH',
        `command ${command.commandId ?? ''} names grant ${command.grantId} but carries grant ${claims.grantId}`,
      );
    }
    return claims;
  }

  private verified(
    grant: warmline.v1.IAuthorityGrant | null | undefined,
    expectation: Parameters<GrantVerifier['verify']>[1],
    command: warmline.v1.ITelephonyCommand,
    nowMs: number,
  ): GrantClaims {
    try {
      try {
        return this.verifier.verify(grant, expectation, nowMs);
      } catch (err) {
        if (!(err instanceof GrantExpiredError) || !ENDING_VERBS.includes(commandVerbOf(command))) {
          throw err;
        }
        // Everything else about the grant must still hold: verify it as of its last valid instant.
        return this.verifier.verify(grant, expectation, err.expiresAtMs);
      }
    } catch (err) {
      if (isGrantRefused(err)) throw new CommandRefusedError(err.code, err.message);
      throw err;
    }
  }
}

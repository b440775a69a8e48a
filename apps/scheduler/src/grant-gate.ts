// Every grant passes here before any effect: verified (signature, trusted issuer, expiry,
// interaction, intent version, scope) against what this scheduler remembers of the interaction, and
// checked against the governor's revocations. A refusal is answered (AppointmentUnavailable
// GRANT_INVALID and an audit record) and dead-lettered as GRANT_REFUSED with its code.
import { Inject, Injectable } from '@nestjs/common';
import {
  AGENT_LOGGER,
  STEPS,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import { SCOPES, isGrantRefused, type GrantClaims, type GrantVerifier } from '@warmline/authority';
import { PermanentHandlerError } from '@warmline/bus';
import type { warmline } from '@warmline/contracts';
import { GrantRevokedError } from './errors.js';
import {
  expectedIntentVersion,
  interactionKey,
  isRevoked,
  noteIntentVersionStep,
  refusalStep,
  type GrantRefusal,
  type InteractionRecord,
} from './interaction-step.js';
import { GRANT_VERIFIER } from './tokens.js';

/** How a grant is about to be used. */
export interface GrantUse {
  readonly grant: warmline.v1.IAuthorityGrant | null | undefined;
  readonly requiredScope: string;
  /** True for a failed live transfer's fallback: the grant's fallback scopes count. */
  readonly viaFallback: boolean;
  /** Intent version of the decision carrying the grant; 0 when none (fallbacks). */
  readonly decisionVersion: number;
}

/** A grant that may be used, and what it grants. */
export interface AdmittedGrant {
  readonly claims: GrantClaims;
  readonly grant: warmline.v1.IAuthorityGrant;
}

@Injectable()
export class GrantGate {
  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(GRANT_VERIFIER) private readonly verifier: GrantVerifier,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
  ) {}

  /**
   * The verified claims of the grant, after raising the interaction's remembered intent version to
   * the grant's. A refused or revoked grant is answered and thrown as a permanent GRANT_REFUSED.
   */
  async admit(envelope: warmline.v1.IEnvelope, use: GrantUse): Promise<AdmittedGrant> {
    const interactionId = envelope.interactionId ?? '';
    const record = await this.record(interactionId);
    let claims: GrantClaims;
    try {
      claims = this.verifier.verify(use.grant, {
        interactionId,
        intentVersion: expectedIntentVersion(record, use.decisionVersion),
        requiredScope: use.requiredScope,
        viaFallback: use.viaFallback,
      });
      if (isRevoked(record, claims.grantId)) throw new GrantRevokedError(claims.grantId);
    } catch (err) {
      const refusal = refusalOf(err);
      if (refusal === null) throw err;
      await this.refuse(envelope, use.grant ?? null, refusal);
      throw new PermanentHandlerError(`grant refused: ${refusal.message}`, {
        reason: 'GRANT_REFUSED',
        errorCode: refusal.code,
        cause: err,
      });
    }
    await this.steps.run(interactionKey(interactionId), (current: InteractionRecord | null) =>
      noteIntentVersionStep(current, interactionId, claims.intentVersion),
    );
    // verify() refuses a missing grant, so one is here.
    return { claims, grant: use.grant as warmline.v1.IAuthorityGrant };
  }

  /**
   * Remembers the intent version of a live-transfer grant (the router executes it; only an
   * authentic one may make older grants stale). A grant that does not verify is the router's to refuse.
   */
  async noteLiveTransfer(
    envelope: warmline.v1.IEnvelope,
    grant: warmline.v1.IAuthorityGrant | null | undefined,
  ): Promise<void> {
    const interactionId = envelope.interactionId ?? '';
    let claims: GrantClaims;
    try {
      claims = this.verifier.verify(grant, {
        interactionId,
        intentVersion: expectedIntentVersion(await this.record(interactionId)),
        requiredScope: SCOPES.transferLive,
      });
    } catch (err) {
      if (!isGrantRefused(err)) throw err;
      this.logger.debug({ msg: 'live-transfer grant not noted', code: err.code, interactionId });
      return;
    }
    await this.steps.run(interactionKey(interactionId), (current: InteractionRecord | null) =>
      noteIntentVersionStep(current, interactionId, claims.intentVersion),
    );
  }

  private async record(interactionId: string): Promise<InteractionRecord | null> {
    const stored = await this.steps.read(interactionKey(interactionId));
    return (stored?.checkpoint.state as InteractionRecord | undefined) ?? null;
  }

  private async refuse(
    envelope: warmline.v1.IEnvelope,
    grant: warmline.v1.IAuthorityGrant | null,
    refusal: GrantRefusal,
  ): Promise<void> {
    const interactionId = envelope.interactionId ?? '';
    const context = {
      interactionId,
      causationId: envelope.eventId ?? '',
      nowMs: Date.now(),
      intentVersion: 0,
      grant,
    };
    this.logger.warn({ msg: 'grant refused', interactionId, code: refusal.code });
    await this.steps.run(interactionKey(interactionId), (current: InteractionRecord | null) =>
      refusalStep(current, context, refusal),
    );
  }
}

function refusalOf(err: unknown): GrantRefusal | null {
  if (err instanceof GrantRevokedError) {
    return { code: err.code, message: err.message, grantId: err.grantId };
  }
  if (isGrantRefused(err)) return { code: err.code, message: err.message, grantId: err.grantId };
  return null;
}

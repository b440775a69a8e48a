// The use case behind both ways a booking is asked for — an AUTHORIZE_APPOINTMENT decision and a
// failed live transfer falling back to an appointment: admit the grant, gather what the booking
// needs (brief, buyer's needs, closers), then book once on the calendar checkpoint.
import { Inject, Injectable } from '@nestjs/common';
import {
  AGENT_LOGGER,
  STEPS,
  STORE,
  type AgentLogger,
  type CheckpointedSteps,
} from '@warmline/agent-runtime';
import { SCOPES } from '@warmline/authority';
import type { warmline } from '@warmline/contracts';
import { buildBrief } from '@warmline/handoff';
import type { WarmlineStore } from '@warmline/store';
import {
  appointmentIdFor,
  appointmentRequested,
  type FallbackOrigin,
} from './appointment-requested.js';
import { bookStep, type BookingResult } from './booking-step.js';
import { CALENDAR_KEY, type SchedulerCalendar } from './calendar-state.js';
import { CloserDirectory } from './closer-directory.js';
import { GrantGate } from './grant-gate.js';
import type { SchedulerSettings } from './scheduler-settings.js';
import { SCHEDULER_SETTINGS } from './tokens.js';
import { validationFailure } from './validation-failure.js';

/** Where a booking request comes from. */
export interface BookingSource {
  readonly grant: warmline.v1.IAuthorityGrant | null | undefined;
  /** Intent version of the authorising decision; 0 for fallbacks. */
  readonly decisionVersion: number;
  /** The failed live transfer and its brief, for fallbacks; null for direct appointment grants. */
  readonly fallback: (FallbackOrigin & { readonly brief: warmline.v1.IHandoffBrief | null }) | null;
}

@Injectable()
export class BookAppointment {
  constructor(
    @Inject(STEPS) private readonly steps: CheckpointedSteps,
    @Inject(STORE) private readonly store: WarmlineStore,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(AGENT_LOGGER) private readonly logger: AgentLogger,
    private readonly gate: GrantGate,
    private readonly directory: CloserDirectory,
  ) {}

  /**
   * Books the appointment the grant authorises, inside its consent window, at most once per grant;
   * null when this grant was answered before. Refused grants and invalid requests are dead-lettered.
   */
  async execute(
    envelope: warmline.v1.IEnvelope,
    source: BookingSource,
  ): Promise<BookingResult | null> {
    const interactionId = envelope.interactionId ?? '';
    const { claims, grant } = await this.gate.admit(envelope, {
      grant: source.grant,
      requiredScope: SCOPES.appointmentBook,
      viaFallback: source.fallback !== null,
      decisionVersion: source.decisionVersion,
    });
    const nowMs = Date.now();
    const intent = await this.store.intents.get(interactionId);
    // The router's brief for a fallback; otherwise (or when it sent none) one built from intent state.
    const brief = source.fallback?.brief ?? (intent && buildBrief(intent, nowMs));
    const requested = appointmentRequested(claims, {
      durationMs: this.settings.appointmentDurationMs,
      intent,
      brief,
      fallback: source.fallback,
    });
    const input = {
      context: {
        interactionId,
        causationId: envelope.eventId ?? '',
        nowMs,
        intentVersion: claims.intentVersion,
        grant,
      },
      requested,
      appointmentId: appointmentIdFor(claims),
      closers: this.directory.closers(),
    };
    let result: BookingResult | null;
    try {
      result = await this.steps.run(CALENDAR_KEY, (current: SchedulerCalendar | null) =>
        bookStep(current, input, this.settings),
      );
    } catch (err) {
      throw validationFailure(err) ?? err;
    }
    this.logger.info(
      result ? `appointment ${result.kind}` : 'appointment request answered before',
      {
        interactionId,
        grantId: claims.grantId,
        ...(result ?? {}),
      },
    );
    return result;
  }
}

// The use case behind the callprogress handler: telephony's report on a leg or a command moves the
// transfer (see callProgressStep). A report that breaks the transfer's rules is dead-lettered.
import { Injectable } from '@nestjs/common';
import type { warmline } from '@warmline/contracts';
import { callProgressStep } from './call-progress-step.js';
import { refusingBadInput } from './domain-failure.js';
import { HandoffDeadlines } from './handoff-deadlines.js';
import { TransferDriver } from './transfer-driver.js';

@Injectable()
export class FollowCallProgress {
  constructor(
    private readonly driver: TransferDriver,
    private readonly deadlines: HandoffDeadlines,
  ) {}

  async execute(envelope: warmline.v1.Envelope): Promise<void> {
    const interactionId = envelope.interactionId;
    const progress = envelope.callProgress ?? {};
    const ctx = this.driver.context(envelope.eventId);
    await refusingBadInput(() =>
      this.driver.step(interactionId, (current) => callProgressStep(current, progress, ctx)),
    );
    await this.deadlines.track(
      interactionId,
      await this.driver.settle(interactionId, envelope.eventId),
    );
  }
}

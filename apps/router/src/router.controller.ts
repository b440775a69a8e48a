// The router's handlers: governor decisions, closer desks' answers and telephony's reports, each
// one interaction at a time in order; every handler delegates to its use case.
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnFamily } from '@warmline/bus';
import type { Envelope } from '@warmline/contracts';
import { AnswerReservation } from './answer-reservation.js';
import { FollowCallProgress } from './follow-call-progress.js';
import { TakeDecision } from './take-decision.js';

@Controller()
export class RouterController {
  constructor(
    private readonly takeDecision: TakeDecision,
    private readonly answerReservation: AnswerReservation,
    private readonly followCallProgress: FollowCallProgress,
  ) {}

  @OnFamily('decision')
  async onDecision(@Payload() envelope: Envelope): Promise<void> {
    await this.takeDecision.execute(envelope);
  }

  @OnFamily('reservation')
  async onReservationResponse(@Payload() envelope: Envelope): Promise<void> {
    await this.answerReservation.execute(envelope);
  }

  @OnFamily('callprogress')
  async onCallProgress(@Payload() envelope: Envelope): Promise<void> {
    await this.followCallProgress.execute(envelope);
  }
}

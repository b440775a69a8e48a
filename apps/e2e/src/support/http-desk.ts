// The closers' desks answering reservations through the gateway's HTTP API (for Stage's `desk`
// option), remembering what the gateway answered each click.
import type { warmline } from '@warmline/contracts';
import type { GatewayApi } from './gateway-api.js';
import type { DeskAnswer } from './stage.js';

/** One click on a desk and the gateway's HTTP status (0 when the request itself failed). */
export interface DeskClick {
  readonly interactionId: string;
  readonly reservationId: string;
  readonly closerId: string;
  readonly accepted: boolean;
  readonly status: number;
}

export class HttpDesk {
  readonly clicks: DeskClick[] = [];

  constructor(private readonly api: GatewayApi) {}

  /** Answers like a closer clicking accept / decline; never throws (Stage's pump must not reject). */
  readonly answer: DeskAnswer = async (interactionId, response) => {
    const click = clickOf(interactionId, response);
    const status = await this.api
      .answerReservation(interactionId, click.reservationId, {
        closerId: click.closerId,
        accepted: click.accepted,
        reason: response.reason ?? '',
      })
      .then((answer) => answer.status)
      .catch(() => 0);
    this.clicks.push({ ...click, status });
  };

  of(interactionId: string): DeskClick[] {
    return this.clicks.filter((c) => c.interactionId === interactionId);
  }
}

function clickOf(
  interactionId: string,
  response: warmline.v1.IReservationResponse,
): Omit<DeskClick, 'status'> {
  return {
    interactionId,
    reservationId: response.reservationId ?? '',
    closerId: response.closerId ?? '',
    accepted: response.accepted === true,
  };
}

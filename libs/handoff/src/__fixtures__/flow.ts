// Drives a handoff the way the router will: ledger reservation, brief, telephony commands through
// recordCommand, and call progress through advance. Used by the flow and property specs.
import {
  acceptReservation,
  applyPresence,
  emptyLedger,
  emptyRoster,
  reserve,
  type ReservationLedger,
  type Roster,
} from '@warmline/roster';
import { toTimestamp, v1, type warmline } from '@warmline/contracts';
import { advance } from '../advance.js';
import { startHandoff, type Handoff } from '../handoff.js';
import { recordCommand } from '../record-command.js';
import {
  bridgeCommand,
  commandContext,
  dialCloserCommand,
  holdCommand,
  whisperBriefCommand,
} from '../telephony-plan.js';
import type { TransferModeName } from '../transfer-mode.js';

export const START = Date.UTC(2026, 2, 4, 15, 0);

export const BRIEF: warmline.v1.IHandoffBrief = { text: 'Buyer readiness 80%.', intentVersion: 7 };

export function newHandoff(mode: TransferModeName = 'warm'): Handoff {
  return startHandoff({ id: 'h1', grantId: 'g1', interactionId: 'call-42', mode, atMs: START });
}

/** Two available closers working around the clock. */
export function roster(): Roster {
  return ['ana', 'ben', 'cy'].reduce(
    (r, closerId) =>
      applyPresence(r, {
        closerId,
        presence: v1.CloserPresenceState.CLOSER_PRESENCE_STATE_AVAILABLE,
        skills: ['solar'],
        languages: ['en'],
        timeZone: 'UTC',
        capacity: 1,
        workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday,
          startMinute: 0,
          endMinute: 1440,
        })),
        reportedAt: toTimestamp(START - 60_000),
        address: `sip:${closerId}@desk`,
      }),
    emptyRoster(),
  );
}

export interface Flow {
  handoff: Handoff;
  ledger: ReservationLedger;
  now: number;
}

/** Reserve `closerId` in the ledger and the handoff, send the brief, and have the closer accept. */
export function reserveBriefAccept(flow: Flow, closerId: string, rosterNow = roster()): Flow {
  const { handoff } = flow;
  const reservationId = `${handoff.id}-${handoff.attempt}`;
  let ledger = reserve(
    flow.ledger,
    closerId,
    {
      id: reservationId,
      handoffId: handoff.id,
      attempt: handoff.attempt,
      expiresAtMs: flow.now + 15_000,
    },
    rosterNow,
    flow.now,
  );
  let next = advance(handoff, { type: 'closer_reserved', closerId, reservationId }, flow.now);
  next = advance(next, { type: 'brief_sent' }, flow.now + 1);
  ledger = acceptReservation(ledger, reservationId, flow.now + 2);
  next = advance(next, { type: 'reservation_accepted', reservationId }, flow.now + 2);
  return { handoff: next, ledger, now: flow.now + 3 };
}

/** Hold, dial and ring `closerId` on `legId` (the closer has not answered yet). */
export function dialAndRing(flow: Flow, closerId: string, legId: string): Flow {
  const ctx = commandContext(flow.handoff);
  let handoff = recordCommand(flow.handoff, holdCommand(ctx));
  handoff = recordCommand(
    handoff,
    dialCloserCommand(ctx, { closerId, address: `sip:${closerId}@desk`, timeoutMs: 20_000 }),
  );
  handoff = advance(handoff, { type: 'closer_ringing', legId }, flow.now);
  return { ...flow, handoff, now: flow.now + 1 };
}

/** Hold, dial, ring and answer `closerId` on `legId`. */
export function dialAndAnswer(flow: Flow, closerId: string, legId: string): Flow {
  const ringing = dialAndRing(flow, closerId, legId);
  const handoff = advance(ringing.handoff, { type: 'closer_answered', legId }, ringing.now);
  return { ...ringing, handoff, now: ringing.now + 1 };
}

/** Whisper (warm), bridge command and the bridged report. */
export function whisperAndBridge(flow: Flow, closerId: string, legId: string): Flow {
  const ctx = commandContext(flow.handoff);
  let handoff = flow.handoff;
  if (handoff.mode === 'warm')
    handoff = recordCommand(handoff, whisperBriefCommand(ctx, closerId, legId, BRIEF));
  handoff = recordCommand(handoff, bridgeCommand(ctx, legId));
  handoff = advance(handoff, { type: 'bridged', legId }, flow.now);
  return { ...flow, handoff, now: flow.now + 1 };
}

export function startFlow(mode: TransferModeName = 'warm'): Flow {
  return { handoff: newHandoff(mode), ledger: emptyLedger(), now: START + 10 };
}

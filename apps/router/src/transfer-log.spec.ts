import type { warmline } from '@warmline/contracts';
import {
  Bench,
  SETTINGS,
  VERIFIER,
  decision,
  intentState,
  issueGrant,
  seatFor,
} from './__fixtures__/transfer.js';
import { rejectStep } from './answer-steps.js';
import { reservedStep } from './attempt-steps.js';
import { grantStep } from './grant-step.js';
import { TRANSFER_STATE_MESSAGE, TransferLog } from './transfer-log.js';

describe('TransferLog', () => {
  it('logs every announced transfer state once, with the typed reason', () => {
    const lines: [string, Record<string, unknown>][] = [];
    const log = new TransferLog({ info: (msg, fields = {}) => void lines.push([msg, fields]) });
    const bench = new Bench();
    const envelope: warmline.v1.IEnvelope = decision(issueGrant());
    bench.run((current) =>
      grantStep(
        current,
        { envelope, intent: intentState(), verifier: VERIFIER, settings: SETTINGS },
        bench.ctx(),
      ),
    );
    const seat = seatFor(bench, 'closer-a');
    bench.run((current) => reservedStep(current, { reservation: seat, address: 'x' }, bench.ctx()));
    bench.run((current) =>
      rejectStep(current, { reservationId: seat.id, reason: 'busy' }, bench.ctx()),
    );
    log.onEffectsPerformed('router.handoff.call-7', bench.effects);

    expect(lines.every(([msg]) => msg === TRANSFER_STATE_MESSAGE)).toBe(true);
    expect(lines.map(([, f]) => `${f['state']}/${f['reason']}@${f['attempt']}`)).toEqual([
      'REQUESTED/@1',
      'RESERVED/@1',
      'BRIEFING/@1',
      'DECLINED/RESERVATION_REJECTED@1',
      // The next attempt says why it is needed.
      'REQUESTED/RESERVATION_REJECTED@2',
    ]);
    expect(lines[3]![1]).toMatchObject({
      interactionId: 'call-7',
      mode: 'WARM',
      closerId: 'closer-a',
      handoffId: expect.stringMatching(/^ho-/),
    });
  });
});

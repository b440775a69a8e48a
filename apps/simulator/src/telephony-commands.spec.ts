import {
  GrantSigner,
  SCOPES,
  decodeGrantClaims,
  generateSigningKey,
  signingKeyFromSeed,
} from '@warmline/authority';
import { PermanentHandlerError } from '@warmline/bus';
import { v1, type warmline } from '@warmline/contracts';
import { holdCommand } from '@warmline/handoff';
import { CommandGrants } from './command-grant.js';
import type { TelephonyAdapter } from './telephony-adapter.js';
import { TelephonyCommands } from './telephony-commands.js';
import type { WallClock } from './wall-clock.js';

const NOW = Date.UTC(2025, 0, 6, 15, 0, 0);
const governor = generateSigningKey();
const clock: WallClock = {
  now: () => NOW,
  sleepUntil: async () => undefined,
  at: () => () => undefined,
};

/** An adapter that carries `call-1` and records what it was asked to do. */
class RecordingAdapter implements TelephonyAdapter {
  readonly performed: string[] = [];
  readonly refused: string[] = [];
  carries(interactionId: string): boolean {
    return interactionId === 'call-1';
  }
  async perform(_: string, command: warmline.v1.ITelephonyCommand): Promise<void> {
    this.performed.push(command.commandId ?? '');
  }
  async refuse(_: string, command: warmline.v1.ITelephonyCommand, detail: string): Promise<void> {
    this.refused.push(`${command.commandId ?? ''} ${detail.split(':')[0] ?? ''}`);
  }
}

function holdEnvelope(interactionId: string, signer = governor): warmline.v1.Envelope {
  const grant = new GrantSigner({ signingKey: signingKeyFromSeed(signer.seed) }).issue(
    {
      interactionId: 'call-1',
      intentVersion: 3,
      scopes: [SCOPES.transferLive],
      policyId: 'p',
      policyVersion: 1,
      decisionId: 'd-1',
    },
    NOW,
  );
  const { grantId } = decodeGrantClaims(grant.claims ?? new Uint8Array());
  return v1.Envelope.create({
    eventId: 'tel-1',
    interactionId,
    intentVersion: 3,
    authority: { grant },
    telephonyCommand: holdCommand({ handoffId: `ho-${grantId}`, grantId, attempt: 1 }),
  });
}

function setUp() {
  const adapter = new RecordingAdapter();
  const arrivals: string[] = [];
  const commands = new TelephonyCommands(adapter, new CommandGrants([governor.publicKey]), clock, {
    commandArrived: (iid, command) => arrivals.push(`${iid} ${command.commandId ?? ''}`),
    commandRefused: (iid, code) => arrivals.push(`${iid} refused ${code}`),
  });
  return { adapter, arrivals, commands };
}

describe('TelephonyCommands', () => {
  it('performs a command whose grant verifies, and records its arrival', async () => {
    const { adapter, arrivals, commands } = setUp();
    const envelope = holdEnvelope('call-1');
    await commands.handle(envelope);
    expect(adapter.performed).toEqual([envelope.telephonyCommand?.commandId]);
    expect(arrivals).toEqual([`call-1 ${envelope.telephonyCommand?.commandId}`]);
  });

  it('reports FAILED and dead-letters a command under a grant it cannot trust, before any effect', async () => {
    const { adapter, arrivals, commands } = setUp();
    const forged = holdEnvelope('call-1', generateSigningKey());
    const failure = await commands.handle(forged).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(PermanentHandlerError);
    expect(failure).toMatchObject({ reason: 'GRANT_REFUSED', errorCode: 'GRANT_UNTRUSTED_ISSUER' });
    expect(adapter.performed).toEqual([]);
    expect(adapter.refused).toEqual([
      `${forged.telephonyCommand?.commandId} GRANT_UNTRUSTED_ISSUER`,
    ]);
    expect(arrivals.at(-1)).toBe('call-1 refused GRANT_UNTRUSTED_ISSUER');
  });

  it('leaves alone a command for a call the adapter does not carry', async () => {
    const { adapter, arrivals, commands } = setUp();
    await commands.handle(holdEnvelope('someone-elses-call', generateSigningKey()));
    expect([adapter.performed, adapter.refused, arrivals]).toEqual([[], [], []]);
  });

  it('dead-letters an envelope without a command as invalid', async () => {
    const { commands } = setUp();
    const empty = v1.Envelope.create({ eventId: 'e', interactionId: 'call-1' });
    await expect(commands.handle(empty)).rejects.toMatchObject({
      reason: 'VALIDATION_FAILED',
      errorCode: 'TELEPHONY_COMMAND_MISSING',
    });
  });
});

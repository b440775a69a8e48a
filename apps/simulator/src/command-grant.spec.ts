import {
  GrantSigner,
  SCOPES,
  decodeGrantClaims,
  generateSigningKey,
  signingKeyFromSeed,
} from '@warmline/authority';
import type { warmline } from '@warmline/contracts';
import { cancelCommand, holdCommand, returnToAgentCommand } from '@warmline/handoff';
import { CommandGrants, CommandRefusedError } from './command-grant.js';

const governor = generateSigningKey();
const stranger = generateSigningKey();
const NOW = Date.UTC(2025, 0, 6, 15, 0, 0);

function grant(
  key = governor,
  overrides: Partial<Parameters<GrantSigner['issue']>[0]> = {},
): warmline.v1.IAuthorityGrant {
  return new GrantSigner({ signingKey: signingKeyFromSeed(key.seed) }).issue(
    {
      interactionId: 'call-1',
      intentVersion: 7,
      scopes: [SCOPES.transferLive],
      policyId: 'sim-roofing-warm',
      policyVersion: 1,
      decisionId: 'd-1',
      ttlMs: 60_000,
      ...overrides,
    },
    NOW,
  );
}

function envelopeWith(authorityGrant: warmline.v1.IAuthorityGrant): warmline.v1.IEnvelope {
  return { interactionId: 'call-1', intentVersion: 7, authority: { grant: authorityGrant } };
}

/** A command of the transfer `authorityGrant` started (it names the grant it carries). */
function commandOf(
  authorityGrant: warmline.v1.IAuthorityGrant,
  build: (
    ctx: { handoffId: string; grantId: string; attempt: number },
    text: string,
  ) => warmline.v1.ITelephonyCommand = holdCommand,
): warmline.v1.ITelephonyCommand {
  const { grantId } = decodeGrantClaims(authorityGrant.claims ?? new Uint8Array());
  return build({ handoffId: `ho-${grantId}`, grantId, attempt: 1 }, 'done');
}

const grants = new CommandGrants([governor.publicKey]);

function refusalCode(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(CommandRefusedError);
    return (err as CommandRefusedError).code;
  }
  throw new Error('the command was not refused');
}

describe('CommandGrants', () => {
  it("performs a command under the governor's grant for its interaction", () => {
    const g = grant();
    expect(grants.verify(envelopeWith(g), commandOf(g), NOW + 1_000).interactionId).toBe('call-1');
  });

  it('refuses a grant signed by another key, for another call, or without transfer.live', () => {
    const forged = grant(stranger);
    expect(
      refusalCode(() =>
        grants.verify(
          envelopeWith(forged),
          holdCommand({ handoffId: 'h', grantId: '', attempt: 1 }),
          NOW,
        ),
      ),
    ).toBe('GRANT_UNTRUSTED_ISSUER');
    const other = grant(governor, { interactionId: 'call-2' });
    expect(refusalCode(() => grants.verify(envelopeWith(other), commandOf(grant()), NOW))).toBe(
      'GRANT_INTERACTION_MISMATCH',
    );
    const booking = grant(governor, { scopes: [SCOPES.appointmentBook] });
    expect(
      refusalCode(() =>
        grants.verify(
          envelopeWith(booking),
          holdCommand({ handoffId: 'h', grantId: '', attempt: 1 }),
          NOW,
        ),
      ),
    ).toBe('GRANT_SCOPE_MISSING');
  });

  it('refuses a command that names another grant than the one it carries', () => {
    const carried = grant();
    const command = { ...commandOf(carried), grantId: 'someone-else' };
    expect(refusalCode(() => grants.verify(envelopeWith(carried), command, NOW))).toBe(
      'GRANT_COMMAND_MISMATCH',
    );
  });

  it('refuses to start an effect under an expired grant, but still lets one be ended', () => {
    const g = grant();
    const late = NOW + 5 * 60_000;
    expect(refusalCode(() => grants.verify(envelopeWith(g), commandOf(g), late))).toBe(
      'GRANT_EXPIRED',
    );
    expect(
      grants.verify(
        envelopeWith(g),
        commandOf(g, (c) => cancelCommand(c, 'leg-1', 'over')),
        late,
      ),
    ).toBeDefined();
    expect(
      grants.verify(
        envelopeWith(g),
        commandOf(g, (c, m) => returnToAgentCommand(c, m)),
        late,
      ),
    ).toBeDefined();
  });

  it('still refuses a forged grant on a command that ends an effect', () => {
    const forged = grant(stranger);
    const cancel = cancelCommand({ handoffId: 'h', grantId: '', attempt: 1 }, 'leg-1', 'over');
    expect(refusalCode(() => grants.verify(envelopeWith(forged), cancel, NOW + 5 * 60_000))).toBe(
      'GRANT_UNTRUSTED_ISSUER',
    );
  });

  it('refuses a command without a grant', () => {
    expect(
      refusalCode(() =>
        grants.verify(
          { interactionId: 'call-1' },
          holdCommand({ handoffId: 'h', grantId: '', attempt: 1 }),
          NOW,
        ),
      ),
    ).toBe('GRANT_MALFORMED');
  });
});

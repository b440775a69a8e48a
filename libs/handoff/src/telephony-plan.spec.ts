import { v1 } from '@warmline/contracts';
import { HandoffInputError } from './errors.js';
import {
  cancelCommand,
  commandKey,
  commandVerbOf,
  returnToAgentCommand,
  telephonyPlan,
  type CommandContext,
} from './telephony-plan.js';

const ctx: CommandContext = { handoffId: 'h1', grantId: 'g1', attempt: 2 };
const target = { closerId: 'ana', address: 'sip:ana@desk', timeoutMs: 20_000 };
const brief = { text: 'Buyer readiness 80%.', intentVersion: 7 };

describe('telephonyPlan', () => {
  it('orders a warm attempt hold, dial, whisper, bridge with <handoffId>:<attempt>:<verb> keys', () => {
    const commands = telephonyPlan(ctx, { mode: 'warm', target, legId: 'L7', brief });
    expect(commands.map(commandVerbOf)).toEqual(['hold', 'dial', 'whisper', 'bridge']);
    expect(commands.map((c) => c.idempotencyKey)).toEqual([
      'h1:2:hold',
      'h1:2:dial',
      'h1:2:whisper',
      'h1:2:bridge',
    ]);
    expect(
      commands.every(
        (c) => c.commandId === c.idempotencyKey && c.grantId === 'g1' && c.handoffId === 'h1',
      ),
    ).toBe(true);
    expect(commands[1]?.dialCloser).toEqual({
      closerId: 'ana',
      address: 'sip:ana@desk',
      timeoutMs: 20_000,
    });
    expect(commands[2]?.whisperBrief).toEqual({
      closerId: 'ana',
      legId: 'L7',
      text: 'Buyer readiness 80%.',
      brief,
    });
    expect(commands[3]?.bridge).toEqual({ legId: 'L7' });
  });

  it('has no whisper in a cold attempt', () => {
    const commands = telephonyPlan(ctx, { mode: 'cold', target, legId: 'L7' });
    expect(commands.map(commandVerbOf)).toEqual(['hold', 'dial', 'bridge']);
  });

  it('builds the same keys when rebuilt (a redelivered grant issues nothing new)', () => {
    const once = telephonyPlan(ctx, { mode: 'warm', target, legId: 'L7', brief });
    const again = telephonyPlan(ctx, { mode: 'warm', target, legId: 'L7', brief });
    expect(again).toEqual(once);
    expect(commandKey('h1', 2, 'cancel')).toBe('h1:2:cancel');
  });

  it('builds commands that encode as TelephonyCommand with exactly one command set', () => {
    const all = [
      ...telephonyPlan(ctx, { mode: 'warm', target, legId: 'L7', brief }),
      cancelCommand(ctx, 'L7', 'caller hung up'),
      returnToAgentCommand(ctx, 'back to you'),
    ];
    for (const command of all) {
      const decoded = v1.TelephonyCommand.decode(
        v1.TelephonyCommand.encode(v1.TelephonyCommand.fromObject(command)).finish(),
      );
      expect(decoded.command).toBe(
        {
          hold: 'hold',
          dial: 'dialCloser',
          whisper: 'whisperBrief',
          bridge: 'bridge',
          cancel: 'cancel',
          return_to_agent: 'returnToAgent',
        }[commandVerbOf(command) ?? 'hold'],
      );
      expect(decoded.idempotencyKey).toBe(command.idempotencyKey);
    }
  });

  it('refuses a warm plan without a brief, a bad ring timeout and a bad attempt', () => {
    expect(() => telephonyPlan(ctx, { mode: 'warm', target, legId: 'L7' })).toThrow(
      expect.objectContaining({ field: 'brief' }),
    );
    expect(() =>
      telephonyPlan(ctx, { mode: 'cold', target: { ...target, timeoutMs: 0 }, legId: 'L7' }),
    ).toThrow(HandoffInputError);
    expect(() =>
      telephonyPlan({ ...ctx, attempt: 0 }, { mode: 'cold', target, legId: 'L7' }),
    ).toThrow(expect.objectContaining({ field: 'attempt' }));
  });

  it('knows no verb for an empty command', () => {
    expect(commandVerbOf({ commandId: 'x' })).toBeNull();
  });
});

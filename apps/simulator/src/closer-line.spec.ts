import { v1, type warmline } from '@warmline/contracts';
import {
  bridgeCommand,
  cancelCommand,
  dialCloserCommand,
  holdCommand,
  returnToAgentCommand,
  whisperBriefCommand,
} from '@warmline/handoff';
import {
  MAX_WHISPER_MS,
  MIN_WHISPER_MS,
  bridgedCallEnds,
  buyerHangsUp,
  fireReport,
  legIdOf,
  newCallLine,
  performCommand,
  whisperDurationMs,
  type CallLine,
  type DialOutcome,
  type LineContext,
  type LineReport,
} from './closer-line.js';

const S = v1.CallProgressState;
const ctx = { handoffId: 'ho-1', grantId: 'g-1', attempt: 1 };
const target = { closerId: 'closer-01', address: 'sim:closer-01', timeoutMs: 20_000 };
const brief: warmline.v1.IHandoffBrief = { text: 'Buyer confirmed a full roof replacement.' };
const answers: DialOutcome = {
  kind: 'rings',
  state: S.CALL_PROGRESS_STATE_ANSWERED,
  afterMs: 2_000,
};

function context(dial: DialOutcome | null = answers): LineContext {
  return { dial, ringOutMs: 240_000, whisperMs: 4_000 };
}

/** Performs `commands` in order, firing every later report at once; returns the line and every report. */
function run(
  commands: warmline.v1.ITelephonyCommand[],
  line: CallLine = newCallLine(),
  dial: DialOutcome = answers,
): { line: CallLine; states: string[] } {
  const states: string[] = [];
  for (const command of commands) {
    const step = performCommand(line, command, context(dial));
    line = step.line;
    for (const report of step.reports) {
      const fired = fireReport(line, report);
      line = fired.line;
      if (fired.progress) states.push(stateName(fired.progress));
    }
  }
  return { line, states };
}

function stateName(progress: warmline.v1.ICallProgress): string {
  return (S[progress.state ?? 0] ?? '').replace('CALL_PROGRESS_STATE_', '');
}

const legId = 'leg-ho-1-1';

describe('a warm transfer on the simulated line', () => {
  it('holds, rings, answers, whispers and bridges, remembering the brief on the leg', () => {
    const { line, states } = run([
      holdCommand(ctx),
      dialCloserCommand(ctx, target),
      whisperBriefCommand(ctx, 'closer-01', legId, brief),
      bridgeCommand(ctx, legId),
    ]);
    expect(states).toEqual(['HELD', 'RINGING', 'ANSWERED', 'WHISPER_COMPLETED', 'BRIDGED']);
    expect(line.buyer).toBe('bridged');
    expect(line.legs).toEqual([
      { legId, closerId: 'closer-01', handoffId: 'ho-1', state: 'bridged', brief },
    ]);
  });

  it('reports on the command and the leg, with the closer', () => {
    const step = performCommand(newCallLine(), dialCloserCommand(ctx, target), context());
    expect(step.reports.map((r) => [r.afterMs, r.progress])).toEqual([
      [
        0,
        {
          commandId: 'ho-1:1:dial',
          handoffId: 'ho-1',
          state: S.CALL_PROGRESS_STATE_RINGING,
          legId,
          closerId: 'closer-01',
        },
      ],
      [
        2_000,
        {
          commandId: 'ho-1:1:dial',
          handoffId: 'ho-1',
          state: S.CALL_PROGRESS_STATE_ANSWERED,
          legId,
          closerId: 'closer-01',
        },
      ],
    ]);
  });

  it('performs an idempotency key once: a repeated command reports nothing', () => {
    const first = performCommand(newCallLine(), holdCommand(ctx), context());
    const again = performCommand(first.line, holdCommand(ctx), context());
    expect(again.reports).toEqual([]);
    expect(again.line).toBe(first.line);
  });
});

describe('closers who do not take the call', () => {
  it.each([
    [S.CALL_PROGRESS_STATE_DECLINED, 'DECLINED'],
    [S.CALL_PROGRESS_STATE_VOICEMAIL, 'VOICEMAIL'],
  ])('ends the leg with the closer reaction %s', (state, name) => {
    const { line, states } = run([dialCloserCommand(ctx, target)], newCallLine(), {
      kind: 'rings',
      state,
      afterMs: 1_000,
    });
    expect(states).toEqual(['RINGING', name]);
    expect(line.legs[0]?.state).toBe('ended');
  });

  it('lets an unanswered leg ring out at the dial timeout', () => {
    const step = performCommand(
      newCallLine(),
      dialCloserCommand(ctx, target),
      context({ kind: 'rings', state: S.CALL_PROGRESS_STATE_NO_ANSWER, afterMs: null }),
    );
    expect(step.reports[1]?.afterMs).toBe(240_000);
    expect(step.reports[1]?.progress.state).toBe(S.CALL_PROGRESS_STATE_NO_ANSWER);
  });

  it('reports BUSY for a closer at capacity, without ringing', () => {
    const { states, line } = run([dialCloserCommand(ctx, target)], newCallLine(), { kind: 'busy' });
    expect(states).toEqual(['BUSY']);
    expect(line.legs[0]?.state).toBe('ended');
  });

  it('turns an answer into BUSY when the closer took another call while this one rang', () => {
    const step = performCommand(newCallLine(), dialCloserCommand(ctx, target), context());
    const answer = step.reports[1] as LineReport;
    const fired = fireReport(step.line, answer, true);
    expect(fired.progress?.state).toBe(S.CALL_PROGRESS_STATE_BUSY);
    expect(fired.line.legs[0]?.state).toBe('ended');
  });

  it('fails a dial to an address it cannot reach', () => {
    const { states } = run([dialCloserCommand(ctx, target)], newCallLine(), {
      kind: 'unreachable',
      detail: 'sim:nobody is not a simulated closer',
    });
    expect(states).toEqual(['FAILED']);
  });
});

describe('what cancels and hang-ups do to later reports', () => {
  it('voids the answer of a leg cancelled while it rang', () => {
    const dialled = performCommand(newCallLine(), dialCloserCommand(ctx, target), context());
    const cancelled = performCommand(
      dialled.line,
      cancelCommand(ctx, legId, 'caller hung up'),
      context(),
    );
    expect(cancelled.reports.map((r) => r.progress.state)).toEqual([
      S.CALL_PROGRESS_STATE_CANCELLED,
    ]);
    expect(fireReport(cancelled.line, dialled.reports[1] as LineReport).progress).toBeNull();
  });

  it('voids a whisper whose leg was cancelled before it finished', () => {
    const { line } = run([dialCloserCommand(ctx, target)]);
    const whisper = performCommand(
      line,
      whisperBriefCommand(ctx, 'closer-01', legId, brief),
      context(),
    );
    const cancelled = performCommand(whisper.line, cancelCommand(ctx, legId, 'revoked'), context());
    expect(fireReport(cancelled.line, whisper.reports[0] as LineReport).progress).toBeNull();
  });

  it('fails every command that needs the buyer once they hung up', () => {
    const gone = buyerHangsUp(newCallLine(), 'ho-1').line;
    const { states } = run(
      [holdCommand(ctx), dialCloserCommand(ctx, target), returnToAgentCommand(ctx, 'sorry')],
      gone,
    );
    expect(states).toEqual(['FAILED', 'FAILED', 'FAILED']);
  });

  it('reports the hang-up on the transfer under way', () => {
    expect(buyerHangsUp(newCallLine(), 'ho-1').progress).toEqual({
      state: S.CALL_PROGRESS_STATE_CALLER_HUNG_UP,
      handoffId: 'ho-1',
      detail: 'caller hung up',
    });
  });

  it('refuses to bridge a leg that is not answered, or to whisper on it', () => {
    const dialled = performCommand(newCallLine(), dialCloserCommand(ctx, target), context()).line;
    const { states } = run(
      [whisperBriefCommand(ctx, 'closer-01', legId, brief), bridgeCommand(ctx, legId)],
      dialled,
    );
    expect(states).toEqual(['FAILED', 'FAILED']);
  });

  it('ends a bridged conversation with CALLER_HUNG_UP on the leg, which frees the closer', () => {
    const { line } = run([
      holdCommand(ctx),
      dialCloserCommand(ctx, target),
      bridgeCommand(ctx, legId),
    ]);
    const ended = bridgedCallEnds(line);
    expect(ended.progress).toMatchObject({
      state: S.CALL_PROGRESS_STATE_CALLER_HUNG_UP,
      legId,
      closerId: 'closer-01',
      handoffId: 'ho-1',
    });
    expect(ended.line.legs[0]?.state).toBe('ended');
    expect(bridgedCallEnds(ended.line).progress).toBeNull();
  });

  it('hands the buyer back to the agent from hold', () => {
    const { line, states } = run([holdCommand(ctx), returnToAgentCommand(ctx, 'nobody is free')]);
    expect(states).toEqual(['HELD', 'RETURNED_TO_AGENT']);
    expect(line.buyer).toBe('with_agent');
  });
});

describe('legIdOf and whisperDurationMs', () => {
  it('names one leg per handoff attempt', () => {
    expect(legIdOf(dialCloserCommand({ ...ctx, attempt: 2 }, target))).toBe('leg-ho-1-2');
    expect(legIdOf({ idempotencyKey: 'x:y' })).toBe('leg-x_y');
  });

  it('plays a brief at the speaking pace, between the shortest and the longest whisper', () => {
    expect(whisperDurationMs('')).toBe(MIN_WHISPER_MS);
    expect(whisperDurationMs('one two three four five six seven eight nine ten')).toBe(3_200);
    expect(whisperDurationMs('word '.repeat(500))).toBe(MAX_WHISPER_MS);
  });
});

import { v1 } from '@warmline/contracts';
import { conversation, signalEvent, T0 } from './__fixtures__/conversation.js';
import { replay } from './__fixtures__/replay.js';
import { qualify } from './qualify.js';

const { SignalFault } = v1;

describe('qualify: call health', () => {
  it('counts signals and faulted signals, and keeps recent buyer-side faults newest last without duplicates', () => {
    const { state } = replay(
      conversation([
        { buyer: 'hello?', faults: [SignalFault.SIGNAL_FAULT_ASR_LAG] },
        { buyer: 'hello, can you hear me', faults: [SignalFault.SIGNAL_FAULT_OVERLAPPING_SPEECH] },
        { buyer: 'yes', faults: [SignalFault.SIGNAL_FAULT_ASR_LAG] },
        { promptDrift: 0.8 },
      ]),
    );
    expect(state.callHealth).toMatchObject({
      recentFaults: [
        SignalFault.SIGNAL_FAULT_OVERLAPPING_SPEECH,
        SignalFault.SIGNAL_FAULT_ASR_LAG,
        SignalFault.SIGNAL_FAULT_PROMPT_DRIFT,
      ],
      signalCount: 6,
      faultedSignalCount: 4,
    });
  });

  it('ages a fault out after the recent-fault window, even while the buyer says nothing, in a new version', () => {
    const { state, versions } = replay(
      conversation([
        { buyer: 'yes, connect me please', faults: [SignalFault.SIGNAL_FAULT_ASR_LAG] },
        { agent: 'One moment please.' },
        { wait: 15_000 },
        { agent: 'Thanks for holding, still connecting you.' },
      ]),
    );
    expect(state.callHealth?.recentFaults).toEqual([]);
    const withLag = versions.filter((v) =>
      (v.callHealth?.recentFaults ?? []).includes(SignalFault.SIGNAL_FAULT_ASR_LAG),
    );
    expect(withLag.length).toBeGreaterThan(0);
    // The agent's words after the window wrote the version that says so.
    expect(versions.at(-1)?.callHealth?.recentFaults).toEqual([]);
  });

  it('keeps a fault within the window', () => {
    const { state } = replay(
      conversation([
        { buyer: 'yes, connect me please', faults: [SignalFault.SIGNAL_FAULT_ASR_LAG] },
        { wait: 3_000 },
        { agent: 'One moment please.' },
      ]),
    );
    expect(state.callHealth?.recentFaults).toEqual([SignalFault.SIGNAL_FAULT_ASR_LAG]);
  });

  it('forgets faults older than the last few buyer-relevant signals', () => {
    const clean = Array.from({ length: 5 }, () => ({ buyer: 'uh huh' }));
    const { state } = replay(
      conversation([
        { buyer: 'hi', faults: [SignalFault.SIGNAL_FAULT_ASR_LAG] },
        ...clean,
        { silenceMs: 500 },
      ]),
    );
    expect(state.callHealth?.recentFaults).toEqual([]);
  });

  it('does not count the agent’s own faults as the buyer’s', () => {
    const [started, answered] = conversation([]);
    const agent = signalEvent(
      {
        transcriptSegment: {
          segmentId: 'a1',
          speaker: v1.Speaker.SPEAKER_AGENT,
          text: 'Hello',
          isFinal: true,
          asrConfidence: 0.9,
        },
      },
      { signalId: 'sig-a1', occurredAtMs: T0 + 1_000, faults: [SignalFault.SIGNAL_FAULT_ASR_LAG] },
    );
    let result = qualify(null, null, started as never);
    result = qualify(result.state, result.context, answered as never);
    result = qualify(result.state, result.context, agent);
    expect(result.context.recentFaults).toEqual([]);
  });

  it('believes a confident machine result, and marks a doubtful one uncertain', () => {
    const machine = replay(conversation([{ amd: 'machine', confidence: 0.9 }])).state;
    expect(machine.callHealth).toMatchObject({
      answeringMachine: true,
      amdUncertain: false,
      amdConfidence: 0.9,
    });
    const doubtful = replay(conversation([{ amd: 'human', confidence: 0.55 }])).state;
    expect(doubtful.callHealth).toMatchObject({
      answeringMachine: false,
      amdUncertain: true,
      amdConfidence: 0.55,
    });
    const unknown = replay(conversation([{ amd: 'unknown', confidence: 0.9 }])).state;
    expect(unknown.callHealth?.amdUncertain).toBe(true);
  });

  it('records the end of the call at the first hang-up or timeout', () => {
    const events = conversation([
      { buyer: 'bye' },
      { wait: 2_000 },
      { hangUp: 'buyer' },
      { wait: 1_000 },
      { timeout: true },
    ]);
    const { state, changes } = replay(events);
    expect(state.callHealth?.callEnded).toBe(true);
    expect(state.callHealth?.callEndedAt).toEqual(
      expect.objectContaining({ seconds: Math.floor(events[3]!.occurredAtMs / 1000) }),
    );
    expect(changes.at(-2)?.causeSignalId).toBe('sig-0004');
  });

  it('makes no new version for the signal counters alone', () => {
    const { state, context } = replay(conversation([]));
    const quiet = signalEvent(
      { tokenLimitReached: { tokensUsed: 10, limit: 8 } },
      { signalId: 'sig-q', occurredAtMs: T0 + 5_000 },
    );
    const result = qualify(state, context, quiet);
    expect(result.change).toBeNull();
    expect(result.context.signalCount).toBe(3);
    expect(result.state.callHealth?.signalCount).toBe(1); // as of version 1
  });
});

// Call lifecycle and voice-agent health events: facts reported reliably (evidence 1) whose faults
// describe the call, not the report.
import { v1, type warmline } from '@warmline/contracts';
import type { Assessment, CaseAssessor } from './assessment.js';
import type { PerceptionContext } from './perception-context.js';

const { SignalFault } = v1;

/** CallStarted records the campaign (the first one wins: a call does not change campaign). */
export const assessCallStarted: CaseAssessor = (context, arrival) => {
  const campaignId = arrival.perception.callStarted?.campaignId ?? null;
  return fact({ ...context, campaignId: context.campaignId ?? campaignId }, []);
};

export const assessCallAnswered: CaseAssessor = (context) => fact(context, []);

/** A silence longer than `longSilenceMs` is LONG_SILENCE. */
export const assessSilence: CaseAssessor = (context, arrival, thresholds) => {
  const duration = arrival.perception.silence?.durationMs ?? 0;
  return fact(
    context,
    duration > thresholds.longSilenceMs ? [SignalFault.SIGNAL_FAULT_LONG_SILENCE] : [],
  );
};

/** A timeout ends the call and is CALL_TIMEOUT. */
export const assessCallTimeout: CaseAssessor = (context) =>
  fact({ ...context, callEnded: true }, [SignalFault.SIGNAL_FAULT_CALL_TIMEOUT]);

/** A hang-up ends the call. */
export const assessHangUp: CaseAssessor = (context) => fact({ ...context, callEnded: true }, []);

export const assessTokenLimitReached: CaseAssessor = (context) =>
  fact(context, [SignalFault.SIGNAL_FAULT_TOKEN_LIMIT]);

/** A drift score above `maxPromptDriftScore` is PROMPT_DRIFT. */
export const assessPromptDrift: CaseAssessor = (context, arrival, thresholds) => {
  const score = arrival.perception.promptDrift?.score ?? 0;
  return fact(
    context,
    score > thresholds.maxPromptDriftScore ? [SignalFault.SIGNAL_FAULT_PROMPT_DRIFT] : [],
  );
};

function fact(context: PerceptionContext, faults: readonly warmline.v1.SignalFault[]): Assessment {
  return { context, faults, evidence: 1, asrConfidence: 0 };
}

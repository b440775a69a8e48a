// Objections: one entry per occurrence of a topic, with a stable id "obj-<topic>-<n>" (n counts the
// topic's occurrences from 1). Raising a topic that is already open adds nothing; raising it again
// after it was resolved opens a new entry. Raising needs only usable evidence; resolving needs
// validating evidence (see evidence-gate.ts).
import { v1 } from '@warmline/contracts';
import type { EvidenceDraft, ObjectionDraft } from './intent-draft.js';
import type { QualificationStep } from './qualification-step.js';

const { ObjectionStatus } = v1;

/** Opens an objection on `topic` unless one is open already. */
export function raiseObjection(
  step: QualificationStep,
  topic: string,
  evidence: EvidenceDraft,
): void {
  const { draft, context } = step;
  if (openObjectionOn(step, topic) !== null) return;
  const occurrence = draft.objections.filter((o) => o.topic === topic).length + 1;
  const objection: ObjectionDraft = {
    objectionId: `obj-${topic}-${occurrence}`,
    topic,
    status: ObjectionStatus.OBJECTION_STATUS_RAISED,
    raisedEvidence: evidence,
    resolutionEvidence: null,
    resolution: '',
    raisedAtMs: step.atMs,
    resolvedAtMs: null,
  };
  draft.objections.push(objection);
  context.openObjections.push({
    objectionId: objection.objectionId,
    raisedOrdinal: context.ordinal,
  });
  step.changedObjectionIds.add(objection.objectionId);
}

/** Resolves the open objection on `topic`, if there is one. */
export function resolveObjection(
  step: QualificationStep,
  topic: string,
  evidence: EvidenceDraft,
  resolution: string,
): void {
  const objection = openObjectionOn(step, topic);
  if (objection === null) return;
  objection.status = ObjectionStatus.OBJECTION_STATUS_RESOLVED;
  objection.resolutionEvidence = evidence;
  objection.resolution = resolution;
  objection.resolvedAtMs = step.atMs;
  step.context.openObjections = step.context.openObjections.filter(
    (o) => o.objectionId !== objection.objectionId,
  );
  step.changedObjectionIds.add(objection.objectionId);
}

/** Reopens objections whose acceptance was spoken in `segmentId`, which an interruption cut. */
export function reopenObjectionsResolvedIn(step: QualificationStep, segmentId: string): void {
  for (const objection of step.draft.objections) {
    if (objection.status !== ObjectionStatus.OBJECTION_STATUS_RESOLVED) continue;
    if (objection.resolutionEvidence?.segmentId !== segmentId) continue;
    objection.status = ObjectionStatus.OBJECTION_STATUS_RAISED;
    objection.resolutionEvidence = null;
    objection.resolution = '';
    objection.resolvedAtMs = null;
    step.context.openObjections.push({
      objectionId: objection.objectionId,
      raisedOrdinal: step.context.ordinal,
    });
    step.changedObjectionIds.add(objection.objectionId);
  }
}

/** Open objections as the extractor sees them: topic, and whether the agent has spoken since. */
export function openObjectionViews(
  step: QualificationStep,
): { topic: string; answered: boolean }[] {
  const agentOrdinal = step.context.lastAgentTurn?.ordinal ?? -1;
  return step.context.openObjections.flatMap((open) => {
    const objection = step.draft.objections.find((o) => o.objectionId === open.objectionId);
    return objection === undefined
      ? []
      : [{ topic: objection.topic, answered: agentOrdinal > open.raisedOrdinal }];
  });
}

function openObjectionOn(step: QualificationStep, topic: string): ObjectionDraft | null {
  return (
    step.draft.objections.findLast(
      (o) => o.topic === topic && o.status === ObjectionStatus.OBJECTION_STATUS_RAISED,
    ) ?? null
  );
}

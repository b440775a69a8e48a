// Builders and assertions shared by the contract suite's parts.
import { warmline } from '@warmline/contracts';
import type { AuditRecord, AuditRecordKind, AuditSummary } from '../port/audit-log.js';
import { StoreError, type StoreErrorCode } from '../port/errors.js';
import type { IntentState } from '../port/intent-state.js';

let counter = 0;

/** An id no other test uses, so tests never see each other's data even on shared backing. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** An intent state whose content differs per `label`, so a test can tell which writer's state was stored. */
export function intentState(
  interactionId: string,
  version: number,
  label = `v${version}`,
): IntentState {
  return warmline.v1.IntentState.create({ interactionId, version, ...intentContent(label) });
}

/** The comparable plain form of a state. */
export function plain(state: IntentState | null): unknown {
  return state === null
    ? null
    : warmline.v1.IntentState.toObject(state, { longs: Number, defaults: true });
}

/** An audit record with a payload unique to it. */
export function auditRecord(
  interactionId: string,
  recordId: string,
  kind: AuditRecordKind,
  at: number,
  summary?: AuditSummary,
): AuditRecord {
  const payload = new TextEncoder().encode(`${interactionId}/${recordId}/${kind}/${at}`);
  const base = { interactionId, recordId, kind, at, payload };
  const grant: AuditSummary | undefined =
    kind === 'grant' ? { event: 'issued', ...summary } : summary;
  return grant === undefined ? base : { ...base, summary: grant };
}

/** Asserts `promise` rejects with a store error of `type` carrying `code`; returns the error. */
export async function expectStoreError<E extends StoreError>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
  code: StoreErrorCode,
): Promise<E> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) {
    throw new Error(
      `expected ${type.name} (${code}), but the call succeeded with ${JSON.stringify(outcome.value)}`,
    );
  }
  expect(outcome.error).toBeInstanceOf(type);
  expect((outcome.error as StoreError).code).toBe(code);
  return outcome.error as E;
}

/** Splits settled results into fulfilled values and rejection reasons. */
export function partition<T>(results: PromiseSettledResult<T>[]): {
  fulfilled: T[];
  rejected: unknown[];
} {
  return {
    fulfilled: results.filter((r) => r.status === 'fulfilled').map((r) => r.value),
    rejected: results.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown),
  };
}

/** Content that makes states with different labels differ, so a test can tell which writer's state is stored. */
function intentContent(label: string): Partial<warmline.v1.IIntentState> {
  return { campaignId: label };
}

// The read side of one interaction, straight from the store: the current intent state, every
// version, and the audit trail (all of it, or the records of some kinds), rendered as JSON.
import { Inject, Injectable } from '@nestjs/common';
import { STORE } from '@warmline/agent-runtime';
import { v1 } from '@warmline/contracts';
import type { AuditRecordKind, WarmlineStore } from '@warmline/store';
import { interactionStory, type StoryEntry } from '@warmline/audit';
import { NotFoundError } from './api-errors.js';
import { auditRecordView, type AuditRecordJson } from './audit-record-view.js';
import { renderMessage, type ProtoJson } from './proto-json.js';

/** A story entry as JSON: its time as RFC 3339. */
export type StoryJson = Omit<StoryEntry, 'at' | 'details'> & { at: string; details: string[] };

@Injectable()
export class InteractionReads {
  constructor(@Inject(STORE) private readonly store: WarmlineStore) {}

  /** The current intent state; 404 when the interaction has none. */
  async state(interactionId: string): Promise<{ interactionId: string; state: ProtoJson }> {
    const state = await this.store.intents.get(interactionId);
    if (state === null) {
      throw new NotFoundError(
        'INTERACTION_NOT_FOUND',
        `no intent state is stored for interaction ${interactionId}`,
      );
    }
    return { interactionId, state: renderMessage(v1.IntentState, state) };
  }

  /** Every intent state version, oldest first (empty when none). */
  async versions(interactionId: string): Promise<{ interactionId: string; versions: ProtoJson[] }> {
    const history = await this.store.intents.history(interactionId);
    return {
      interactionId,
      versions: history.map((state) => renderMessage(v1.IntentState, state)),
    };
  }

  /** The ordered story: intent versions and audit records merged (see @warmline/audit). */
  async story(interactionId: string): Promise<{ interactionId: string; story: StoryJson[] }> {
    const [versions, records] = await Promise.all([
      this.store.intents.history(interactionId),
      this.store.audit.list(interactionId),
    ]);
    if (versions.length === 0 && records.length === 0) {
      throw new NotFoundError(
        'INTERACTION_NOT_FOUND',
        `nothing is stored for interaction ${interactionId}`,
      );
    }
    return {
      interactionId,
      story: interactionStory(versions, records).map((entry) => ({
        ...entry,
        at: new Date(entry.at).toISOString(),
        details: [...entry.details],
      })),
    };
  }

  /** Audit records ordered by time (then append order); only `kinds` when given. */
  async records(
    interactionId: string,
    kinds?: readonly AuditRecordKind[],
  ): Promise<{ interactionId: string; records: AuditRecordJson[] }> {
    const records = await this.store.audit.list(interactionId, kinds ? { kinds } : undefined);
    return { interactionId, records: records.map(auditRecordView) };
  }
}

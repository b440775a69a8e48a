// An interaction's whole story in order: what the buyer said that became evidence, every intent
// version, every decision with its policy, every grant and what used or refused it, every transfer
// state with its typed reason, and the booking — the answer to "why was this buyer transferred, on
// whose authority, with what evidence?".
import type { warmline } from '@warmline/contracts';
import { intentEntries } from './intent-entries.js';
import { recordEntry } from './record-entries.js';
import type { StoryEntry, StoryRecord } from './story-entry.js';

// At the same instant, cause before effect: evidence → version → decision → grant → transfer → booking.
const ORDER: Record<StoryEntry['kind'], number> = {
  evidence: 0,
  intent: 1,
  decision: 2,
  grant: 3,
  handoff: 4,
  appointment: 5,
};

/** The story of one interaction from its intent history and audit records, in time order. */
export function interactionStory(
  versions: readonly warmline.v1.IIntentState[],
  records: readonly StoryRecord[],
): StoryEntry[] {
  const entries = [...intentEntries(versions), ...records.map(recordEntry)];
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        a.entry.at - b.entry.at || ORDER[a.entry.kind] - ORDER[b.entry.kind] || a.index - b.index,
    )
    .map(({ entry }) => entry);
}

/** The story as a readable timeline (UTC times), one step per line with its facts indented. */
export function renderStory(interactionId: string, story: readonly StoryEntry[]): string {
  const lines = [`Interaction ${interactionId} — ${story.length} steps`];
  for (const entry of story) {
    const time = new Date(entry.at).toISOString().replace('T', ' ').replace('Z', '');
    lines.push(`${time}  ${entry.kind.padEnd(11)} ${entry.title}`);
    for (const detail of entry.details) lines.push(`${' '.repeat(37)}${detail}`);
  }
  return `${lines.join('\n')}\n`;
}

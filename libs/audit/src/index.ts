// Public face of @warmline/audit: an interaction's audit trail and intent history as one ordered
// story, for the gateway's timeline endpoint and the `warmline audit` command.
export { interactionStory, renderStory } from './story.js';
export type { StoryEntry, StoryRecord } from './story-entry.js';

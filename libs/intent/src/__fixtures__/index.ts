// Test data builders for @warmline/intent and the apps that use it ("@warmline/intent/testing").
export { INTERACTION, T0, TIME_ZONE, conversation, signalEvent } from './conversation.js';
export type { ConversationOptions, Turn } from './conversation.js';
export { replay } from './replay.js';
export type { Replayed } from './replay.js';

import type { warmline } from '@warmline/contracts';

/** The intent state the store versions: the generated `warmline.v1.IntentState` message. */
export type IntentState = warmline.v1.IntentState;

// The names a scenario, a plan and a report share.

/** The kinds of buyer a campaign is made of (see the README, "Buyer model"). */
export const PERSONAS = [
  'ready',
  'hedging',
  'objecting',
  'interrupting',
  'voicemail',
  'hangUpOnHold',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** How a campaign hands a ready buyer on: warm transfer, cold transfer, or appointments only. */
export const SIMULATION_MODES = ['warm', 'cold', 'appointment-only'] as const;
export type SimulationMode = (typeof SIMULATION_MODES)[number];

/** What a buyer says about timing: connect now, or a window for a call-back ("Thursday after 2"). */
export const TIMING_KINDS = ['now', 'window'] as const;
export type TimingKind = (typeof TIMING_KINDS)[number];

/** Objection topics the buyer model raises (the English phrase set's topics). */
export const OBJECTION_TOPICS = ['price', 'contract_length', 'competitor', 'trust'] as const;
export type ObjectionTopic = (typeof OBJECTION_TOPICS)[number];

/** ISO weekday names used in working hours, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

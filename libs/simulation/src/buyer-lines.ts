// What the agent and the buyer say. Every line is written so that Warmline's built-in English
// extractor (@warmline/intent, ENGLISH_PHRASES) reads it as intended: a confirmation validates its
// marker, a hedge stays exploratory, an objection is raised and its acceptance resolves it. A spec
// runs every agent question / buyer answer pair below through that extractor.
import type { ObjectionTopic } from './vocabulary.js';

/** The four intent markers, in the order the agent qualifies them. */
export const MARKER_ORDER = [
  'scope_confirmed',
  'timing_consent',
  'next_step_accepted',
  'escalation_permission',
] as const;
export type MarkerName = (typeof MARKER_ORDER)[number];

/** The agent's opening lines (ask nothing). */
export const AGENT_OPENERS = [
  'Hi, this is Alex from Brightside Home, thanks for your enquiry about a new roof.',
  'Hello, this is Sam calling from Brightside Home about the roof quote you asked for.',
] as const;

/** The buyer's reply to the opener (claims nothing). */
export const BUYER_GREETINGS = [
  'Hi, thanks for calling.',
  'Hello.',
  'Oh hi, thanks for calling back.',
] as const;

/** The agent's question per marker. Timing has a "now" and a call-back form. */
export const AGENT_QUESTIONS = {
  scope_confirmed: [
    'To make sure I have it right, which option are you interested in?',
    'What kind of roof work are you looking for?',
  ],
  timing_now: ['Is now a good time for you?', 'Do you have a few minutes now?'],
  timing_window: ['In case we get cut off, when is a good time to call you back?'],
  next_step_accepted: [
    'The next step is a free site survey. Shall I book that for you?',
    'Would you like me to schedule a free inspection?',
  ],
  // Asked of "now" buyers: a bare yes also consents to now, which is what they said.
  escalation_permission_now: ['Would you like me to connect you with a specialist now?'],
  escalation_permission: [
    'Would you like me to connect you with a specialist?',
    'Shall I transfer you to one of our roofing specialists?',
  ],
} as const;

/** The buyer's explicit confirmations per marker (timing: see TIMING_NOW_ANSWERS / windows). */
export const BUYER_CONFIRMATIONS = {
  scope_confirmed: [
    'Yes, the full roof replacement is what I need.',
    'We want the full roof replacement.',
    "That's exactly what we need, the whole roof.",
  ],
  next_step_accepted: ["Yes, let's go ahead and book it.", 'Sure, book it.', 'Yes, sign me up.'],
  escalation_permission: [
    'Yes please.',
    'Sure, put me through.',
    "Yes, I'd be happy to talk to a specialist.",
  ],
} as const;

/** "Now" answers to the timing question; each names now, so its window is now + 30 minutes. */
export const TIMING_NOW_ANSWERS = [
  'Yes, now works for me.',
  'Now is fine.',
  "Yes, I'm free right now.",
] as const;

/** The buyer's tentative answers per marker: never enough to validate. */
export const BUYER_HEDGES = {
  scope_confirmed: [
    "I'm thinking about the roof replacement, not sure yet.",
    "We're still comparing options, to be honest.",
  ],
  timing_consent: ["Maybe later, I'm not sure when.", 'Some other time, perhaps.'],
  next_step_accepted: ['Let me think it over.', 'I need to think about it.'],
  escalation_permission: ["Perhaps, I'm not sure I need to talk to anyone."],
} as const;

/** What the agent says before an objection: the offer's price and terms (asks nothing). */
export const AGENT_OFFER_DETAILS =
  'The full replacement comes to about 14,000 dollars installed, with a 25 year warranty.';

/** One objection: the buyer's words raising it, the agent's answer, acceptance and refusal. */
export interface ObjectionLines {
  readonly raise: string;
  /** Ends with a check ("Does that work for you?") so a bare "ok" accepts it. */
  readonly answer: string;
  readonly accept: string;
  readonly refuse: string;
}

export const OBJECTION_LINES: Readonly<Record<ObjectionTopic, ObjectionLines>> = {
  price: {
    raise: "Honestly, that's too expensive for us.",
    answer:
      'We offer a payment plan from 89 dollars a month with no deposit. Does that work for you?',
    accept: 'Ok, that payment plan works.',
    refuse: "No, it's still too expensive for me.",
  },
  contract_length: {
    raise: "I don't want to be locked into a long contract.",
    answer: 'You can cancel any time in the first year with no fee. Does that work for you?',
    accept: "Ok, that's fair enough.",
    refuse: "No, I still don't want to be locked in.",
  },
  competitor: {
    raise: "I'm getting other quotes as well.",
    answer: "We'll match any written quote you get. Would that help?",
    accept: 'Ok, that helps.',
    refuse: "No, I'd rather keep shopping around.",
  },
  trust: {
    raise: 'How do I know this is legit?',
    answer: "We're licensed and insured, with over 2,000 reviews. Does that help?",
    accept: "Ok, that's good to know.",
    refuse: "No, I still don't trust it.",
  },
};

/** The agent's re-ask after talking over the buyer (the original question follows). */
export const AGENT_APOLOGY = 'Sorry, I cut you off.';

/** How calls that end without escalation close. */
export const AGENT_CLOSINGS = {
  hedging: "No problem. I'll send you some information by email.",
  refused: "I understand. I'll email you the details so you can look at them later.",
} as const;
export const BUYER_GOODBYES = ['Thanks, bye.', 'Thanks, goodbye.'] as const;

/** Answering-machine greetings (the far end's speech, recognised as voicemail by perception). */
export const VOICEMAIL_GREETINGS = [
  "Hi, you've reached Jordan. I can't take your call right now, please leave a message after the tone.",
  'The person you are calling is not available. Please record your message after the beep.',
] as const;
export const AGENT_VOICEMAIL_MESSAGE =
  'Hi, this is Alex from Brightside Home about your roof enquiry. Please call us back when you can.';

/** What the agent says while the stack decides after the decisive utterance: first, then repeated. */
export const AGENT_HOLD_FILLERS = {
  first: 'Great, one moment while I get a specialist for you.',
  repeated: [
    "Thanks for waiting, I'm still connecting you.",
    'Just a moment longer, thanks for your patience.',
  ],
} as const;

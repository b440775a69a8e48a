// The shipped default scenario. scenarios/default.scenario.yaml is its commented twin; a spec parses
// that file and asserts it equals this object, so the two cannot drift apart.
import { deepFreeze } from '@warmline/policy';
import type { Scenario } from './scenario-schema.js';

/** The scenario the simulator runs when none is given. */
export const DEFAULT_SCENARIO: Scenario = deepFreeze({
  seed: 20250106,
  campaignId: 'sim-roofing',
  description: 'Default simulation - mixed buyers, a pool of 24 closers, light perception faults.',
  calls: 120,
  concurrency: 60,
  arrivalRatePerSecond: 12,
  timeScale: 12,
  callLimitMs: 600_000,
  modes: ['warm', 'cold', 'appointment-only'],
  buyers: {
    mix: {
      ready: 35,
      hedging: 15,
      objecting: 20,
      interrupting: 10,
      voicemail: 10,
      hangUpOnHold: 10,
    },
    timeZones: { 'America/New_York': 4, 'America/Chicago': 3, 'America/Los_Angeles': 3 },
    languages: { 'en-US': 1 },
    territories: { 'US-NY': 4, 'US-TX': 3, 'US-CA': 3 },
    timing: { now: 6, window: 4 },
    objectionTopics: ['price', 'contract_length', 'competitor', 'trust'],
    objectionResolveRate: 0.75,
    permissionFirstRate: 0.5,
    assertionRate: 0.25,
  },
  closers: {
    count: 24,
    defaults: {
      skills: ['roofing'],
      languages: ['en-US'],
      territories: [],
      timeZone: 'America/Chicago',
      workingHours: 'always',
      capacity: 1,
      declineRate: 0.1,
      noAnswerRate: 0.05,
      voicemailRate: 0.05,
      answerDelayMs: { min: 2_000, max: 8_000 },
      talkTimeMs: { min: 120_000, max: 300_000 },
    },
  },
  faults: {
    amdErrorRate: 0.03,
    asrLagRate: 0.03,
    asrLagMs: 2_500,
    duplicateRate: 0.02,
    reorderRate: 0.02,
    reorderWindow: 3,
    tokenLimitRate: 0.02,
    promptDriftRate: 0.02,
  },
});

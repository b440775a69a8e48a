// The audit trail, months later: for a warm transfer and for a declined-then-booked handoff, the
// gateway's timeline and `npm run audit` tell every step in order — evidence, intent versions, the
// decision and its policy, the grant and what used it, every transfer state with its reason, the
// booking — from what the agents (each its own process) stored.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EventBus } from '@warmline/bus';
import { v1 } from '@warmline/contracts';
import { ADMIN_USER, eventually, workspaceRoot } from '@warmline/testing';
import { signInAvailableCloser } from './support/closers.js';
import { conversationEvents, EXPLICIT_BUYER } from './support/conversation.js';
import { Stage, StreamTap, type CloserScript } from './support/stage.js';
import { warmlineUnderTest, type WarmlineUnderTest } from './support/warmline-under-test.js';

const run = promisify(execFile);
const H = v1.HandoffState;
const CLOSERS = ['au-closer-1', 'au-closer-2', 'au-closer-3'];
const READ_KEY = 'wl-audit-reader-key-0123456789';

let stack: WarmlineUnderTest;
let gateway: EventBus;
let handoffs: StreamTap;
let telephony: StreamTap;
let stage: Stage;
let baseUrl: string;

beforeAll(async () => {
  stack = await warmlineUnderTest();
  gateway = await stack.busAs('gateway');
  for (const closerId of CLOSERS) await signInAvailableCloser(gateway, closerId);
  const lag = { WARMLINE_MAX_ASR_LATENCY_MS: '15000' };
  const [, , , , , http] = await Promise.all([
    stack.start('perception', lag),
    stack.start('qualification'),
    stack.start('escalation-governor'),
    stack.start('router'),
    stack.start('scheduler'),
    stack.start('gateway', {
      WARMLINE_HTTP_PORT: '0',
      WARMLINE_HTTP_HOST: '127.0.0.1',
      WARMLINE_API_KEYS: `auditor:${READ_KEY}:read`,
    }),
  ]);
  baseUrl = `http://127.0.0.1:${String(http.logs().find((l) => l['msg'] === 'agent ready')?.['port'])}`;
  handoffs = await StreamTap.open(stack.jsm, 'WL_HANDOFF');
  telephony = await StreamTap.open(stack.jsm, 'WL_TELEPHONY');
  stage = new Stage(gateway, handoffs, telephony);
}, 120_000);

afterAll(async () => {
  stage?.stop();
  await handoffs?.stop();
  await telephony?.stop();
  await stack?.stop();
});

let counter = 0;
const newInteraction = (label: string) =>
  `au-${label}-${++counter}-${Math.random().toString(36).slice(2, 6)}`;

async function handoff(
  iid: string,
  until: number,
  scripts: Record<string, CloserScript> = {},
): Promise<void> {
  stage.play(iid, scripts, { hangUpAfterBridge: true });
  for (const event of conversationEvents(iid, EXPLICIT_BUYER))
    await gateway.publish('perception', iid, { ...event });
  await eventually(
    () => handoffs.of(iid).map((e) => e.handoffEvent?.state),
    (states) => states.includes(until),
    60_000,
  );
}

interface StoryJson {
  story: { kind: string; title: string; details: string[]; at: string }[];
}

/** The story from the gateway, once it contains `last`. */
async function timeline(iid: string, last: RegExp): Promise<StoryJson['story']> {
  const body = await eventually(
    async () => {
      const response = await fetch(`${baseUrl}/v1/interactions/${iid}/timeline`, {
        headers: { authorization: `Bearer ${READ_KEY}` },
      });
      return response.ok ? ((await response.json()) as StoryJson) : { story: [] };
    },
    (b) => b.story.some((e) => last.test(e.title)),
    30_000,
  );
  return body.story;
}

/** The story printed by `npm run audit` (its built CLI), as the admin store user. */
async function cli(iid: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [join(workspaceRoot(), 'tools/stack/dist/audit.js'), iid],
    {
      env: {
        PATH: process.env['PATH'] ?? '',
        NATS_URL: stack.broker.url,
        NATS_USER: ADMIN_USER,
        NATS_PASSWORD: stack.broker.credentials(ADMIN_USER).pass,
      },
    },
  );
  return stdout;
}

/** Asserts `patterns` match entries of `titles` in this order (other entries may come between). */
function expectInOrder(titles: readonly string[], patterns: readonly RegExp[]): void {
  let at = 0;
  for (const pattern of patterns) {
    const found = titles.findIndex((title, i) => i >= at && pattern.test(title));
    expect([pattern.source, found >= 0]).toEqual([pattern.source, true]);
    at = found + 1;
  }
}

describe('audit trail (gateway timeline and npm run audit)', () => {
  it('tells a warm transfer in order: evidence, versions, decision, grant issued and used, transfer states', async () => {
    const iid = newInteraction('warm');
    await handoff(iid, H.HANDOFF_STATE_BRIDGED);
    const story = await timeline(iid, /transfer BRIDGED/);
    const titles = story.map((e) => `${e.kind}: ${e.title}`);
    expectInOrder(titles, [
      /^evidence: evidence sig-.*→ scope_confirmed/,
      /^intent: intent v\d+: .*escalation_permission validated/,
      /^decision: decision AUTHORIZE_LIVE_TRANSFER on intent v\d+ \(policy default v1/,
      /^grant: grant .* issued/,
      /^grant: grant .* used/,
      /^handoff: transfer REQUESTED \(attempt 1, warm\)/,
      /^handoff: transfer RESERVED/,
      /^handoff: transfer BRIEFING/,
      /^handoff: transfer RINGING/,
      /^handoff: transfer ACCEPTED/,
      /^handoff: transfer BRIDGED/,
    ]);
    expect(story.map((e) => Date.parse(e.at))).toEqual(
      [...story.map((e) => Date.parse(e.at))].sort((a, b) => a - b),
    );
    const decision = story.find((e) => e.title.startsWith('decision AUTHORIZE'))!;
    expect(decision.details.some((d) => d.startsWith('policy_satisfied'))).toBe(true);

    const printed = await cli(iid);
    expect(printed.split('\n')[0]).toMatch(new RegExp(`^Interaction ${iid} — \\d+ steps$`));
    expectInOrder(printed.split('\n'), [
      /decision AUTHORIZE_LIVE_TRANSFER/,
      /grant .* issued/,
      /transfer BRIDGED/,
    ]);
  });

  it('tells a declined-then-booked handoff with its typed reasons and the booking', async () => {
    const iid = newInteraction('booked');
    const decline: CloserScript = { desk: 'accept', phone: 'decline' };
    await handoff(
      iid,
      H.HANDOFF_STATE_FALLBACK_APPOINTMENT,
      Object.fromEntries(CLOSERS.map((c) => [c, decline])),
    );
    const story = await timeline(iid, /appointment .* booked with/);
    expectInOrder(
      story.map((e) => e.title),
      [
        /decision AUTHORIZE_LIVE_TRANSFER/,
        /grant .* issued/,
        /transfer DECLINED \(attempt 1, warm\).* — closer_declined/,
        /transfer DECLINED \(attempt 2, warm\).* — closer_declined/,
        /transfer FALLBACK_APPOINTMENT.* — attempts_exhausted/,
        /appointment .* booked with au-closer-/,
      ],
    );
    const printed = await cli(iid);
    expectInOrder(printed.split('\n'), [
      /closer_declined/,
      /FALLBACK_APPOINTMENT/,
      /appointment .* booked/,
    ]);
  });
});

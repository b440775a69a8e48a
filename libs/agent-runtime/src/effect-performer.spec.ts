// Effects performed twice equal effects performed once, on the real bus and store.
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { EventBus, provisionStreams } from '@warmline/bus';
import { FAMILIES, toTimestamp, warmline } from '@warmline/contracts';
import { openKvStore, provisionKvStore, type WarmlineStore } from '@warmline/store';
import { startNatsServer, type NatsServer } from '@warmline/testing';
import { loadEffect, storeEffect } from './effect-codec.js';
import { EffectPerformer } from './effect-performer.js';
import type { Effect } from './effects.js';

let server: NatsServer;
let admin: NatsConnection;
let jsm: JetStreamManager;
let bus: EventBus;
let store: WarmlineStore;

beforeAll(async () => {
  server = await startNatsServer();
  admin = await connect({ servers: server.url });
  jsm = await jetstreamManager(admin);
  await provisionStreams(jsm);
  await provisionKvStore(admin);
  bus = await EventBus.connect({
    servers: server.url,
    agent: 'qualification',
    instance: 'q-1',
    scopes: FAMILIES.map((f) => f.scope),
    logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
  });
  store = await openKvStore({ servers: server.url });
});

afterAll(async () => {
  await bus.close();
  await store.close();
  await admin.close();
  await server.stop();
});

const state = (version: number) =>
  warmline.v1.IntentState.create({ interactionId: 'eff-1', version, campaignId: `v${version}` });

describe('EffectPerformer', () => {
  it('publishes an event once however often it is performed', async () => {
    const performer = new EffectPerformer(async () => bus, store);
    const effect: Effect = {
      kind: 'publish',
      family: 'intent',
      interactionId: 'eff-1',
      envelope: {
        eventId: 'intent-eff-1-v1',
        intentVersion: 1,
        intentStateChanged: { state: state(1) },
      },
    };
    await performer.perform(effect);
    await performer.perform(loadEffect(storeEffect(effect)));
    expect((await jsm.streams.info('WL_INTENT')).state.messages).toBe(1);
  });

  it('writes intent versions in order and treats a repeated write as done', async () => {
    const performer = new EffectPerformer(async () => bus, store);
    for (const version of [1, 1, 2, 2, 3]) {
      await performer.perform({ kind: 'intent', state: state(version) });
    }
    expect((await store.intents.get('eff-1'))?.version).toBe(3);
    // Skipping a version is not "already done": it is refused.
    await expect(performer.perform({ kind: 'intent', state: state(5) })).rejects.toThrow(/stale/);
  });

  it('appends an audit record once', async () => {
    const performer = new EffectPerformer(async () => bus, store);
    const effect: Effect = {
      kind: 'audit',
      record: {
        interactionId: 'eff-1',
        recordId: 'dec-1',
        kind: 'decision',
        at: 5,
        payload: new Uint8Array([9]),
      },
    };
    await performer.perform(effect);
    await performer.perform(loadEffect(storeEffect(effect)));
    expect(await store.audit.list('eff-1')).toHaveLength(1);
  });
});

describe('effect codec', () => {
  it('keeps a publish effect, its grant and its time through a checkpoint', () => {
    const effect: Effect = {
      kind: 'publish',
      family: 'decision',
      interactionId: 'eff-2',
      envelope: {
        eventId: 'dec-eff-2',
        occurredAt: toTimestamp(1_700_000_000_123),
        authority: {
          grant: { claims: new Uint8Array([1, 2]), signature: new Uint8Array(64), keyId: 'A1' },
        },
        escalationDecision: { decisionId: 'd-1', outcome: 2 },
      },
    };
    const loaded = loadEffect(JSON.parse(JSON.stringify(storeEffect(effect)))) as Extract<
      Effect,
      { kind: 'publish' }
    >;
    expect(loaded.envelope.eventId).toBe('dec-eff-2');
    expect(loaded.envelope.escalationDecision?.decisionId).toBe('d-1');
    expect(Array.from(loaded.envelope.authority?.grant?.claims ?? [])).toEqual([1, 2]);
    expect(warmline.v1.Envelope.encode(loaded.envelope).finish()).toEqual(
      warmline.v1.Envelope.encode(effect.envelope).finish(),
    );
  });
});

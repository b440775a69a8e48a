// Performs effects over the real bus and store, each so that doing it twice equals doing it once.
import type { EventBus } from '@warmline/bus';
import {
  IntentStateConflictError,
  StaleIntentVersionError,
  type WarmlineStore,
} from '@warmline/store';
import { ATTR, traced } from '@warmline/telemetry';
import type { Effect, EffectSink } from './effects.js';

export class EffectPerformer implements EffectSink {
  constructor(
    private readonly bus: () => Promise<EventBus>,
    private readonly store: WarmlineStore,
  ) {}

  async perform(effect: Effect): Promise<void> {
    switch (effect.kind) {
      case 'publish':
        await (await this.bus()).publish(effect.family, effect.interactionId, effect.envelope);
        return;
      case 'intent':
        await traced(
          'store write intent',
          {
            [ATTR.interactionId]: effect.state.interactionId,
            [ATTR.intentVersion]: effect.state.version,
          },
          () => this.writeIntent(effect.state),
        );
        return;
      case 'audit':
        await traced(
          'store append audit',
          {
            [ATTR.interactionId]: effect.record.interactionId,
            'warmline.audit.kind': effect.record.kind,
          },
          () => this.store.audit.append(effect.record),
        );
        return;
    }
  }

  // Version n is written over n-1; finding n (or later) stored means it was written already.
  private async writeIntent(state: Extract<Effect, { kind: 'intent' }>['state']): Promise<void> {
    try {
      if (state.version === 1) await this.store.intents.create(state);
      else await this.store.intents.compareAndSet(state.interactionId, state.version - 1, state);
    } catch (err) {
      const stored =
        err instanceof StaleIntentVersionError
          ? err.actualVersion
          : err instanceof IntentStateConflictError
            ? ((await this.store.intents.get(state.interactionId))?.version ?? 0)
            : null;
      if (stored === null || stored < state.version) throw err;
    }
  }
}

// Readiness: the bus connected and the store answering. The bus is connected once at start-up, so
// the gateway reports ready (and logs "agent ready") only when it can accept events.
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { STORE } from '@warmline/agent-runtime';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import type { WarmlineStore } from '@warmline/store';

/** How long the store may take to answer a readiness probe. */
export const STORE_PROBE_TIMEOUT_MS = 2_000;

/** What /readyz reports. */
export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: { readonly bus: boolean; readonly store: boolean };
}

@Injectable()
export class Readiness implements OnApplicationBootstrap {
  constructor(
    @Inject(BUS_CLIENT) private readonly client: JetStreamClient,
    @Inject(STORE) private readonly store: WarmlineStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.client.connect();
  }

  async check(): Promise<ReadinessReport> {
    const bus = this.client.health().connected;
    const store = await this.storeAnswers();
    return { ready: bus && store, checks: { bus, store } };
  }

  private async storeAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), STORE_PROBE_TIMEOUT_MS);
    });
    const probe = this.store.checkpoints.get('gateway.readiness-probe').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

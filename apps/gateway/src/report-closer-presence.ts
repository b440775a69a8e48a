// PUT /v1/closers/{closerId}/presence: a presence report, validated by the roster's rules, published
// on wl.closer.<closer_id> (the latest report per closer is what routers see).
import { Inject, Injectable } from '@nestjs/common';
import { BUS_CLIENT, type JetStreamClient } from '@warmline/bus';
import { publishOne, type AcceptedEvent } from './accepted-event.js';
import { presenceReport, type CloserPresenceJson } from './closer-presence.js';

@Injectable()
export class ReportCloserPresence {
  constructor(@Inject(BUS_CLIENT) private readonly client: JetStreamClient) {}

  async execute(
    closerId: string,
    json: CloserPresenceJson,
    source: string,
  ): Promise<AcceptedEvent> {
    const report = presenceReport(closerId, json, Date.now());
    const bus = await this.client.connect();
    return publishOne(() =>
      bus.publishCloserPresence(report.presence, {
        eventId: report.eventId,
        correlationId: source,
        ...(report.presence.reportedAt ? { occurredAt: report.presence.reportedAt } : {}),
      }),
    );
  }
}

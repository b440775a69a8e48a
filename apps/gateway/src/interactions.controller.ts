// Reads of one interaction from the store: intent state, its versions, and the audit trail.
import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditRecordKind } from '@warmline/store';
import type { AuditRecordJson } from './audit-record-view.js';
import { InteractionReads, type StoryJson } from './interaction-reads.js';
import { InteractionIdParam } from './path-params.js';
import type { ProtoJson } from './proto-json.js';
import {
  AuditRecordsResponseSchema,
  ErrorBodySchema,
  IntentStateResponseSchema,
  IntentVersionsResponseSchema,
  StoryResponseSchema,
} from './response-schemas.js';
import { RequiresScope } from './route-access.js';

type Records = Promise<{ interactionId: string; records: AuditRecordJson[] }>;

@ApiTags('reads')
@RequiresScope('read')
@Controller('v1/interactions/:interactionId')
export class InteractionsController {
  constructor(private readonly reads: InteractionReads) {}

  @Get()
  @ApiOperation({ summary: 'The current intent state (warmline.v1.IntentState)' })
  @ApiOkResponse({ standardSchema: IntentStateResponseSchema })
  @ApiNotFoundResponse({
    description: 'No intent state is stored',
    standardSchema: ErrorBodySchema,
  })
  state(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
  ): Promise<{ interactionId: string; state: ProtoJson }> {
    return this.reads.state(interactionId);
  }

  @Get('versions')
  @ApiOperation({ summary: 'Every intent state version, oldest first' })
  @ApiOkResponse({ standardSchema: IntentVersionsResponseSchema })
  versions(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
  ): Promise<{ interactionId: string; versions: ProtoJson[] }> {
    return this.reads.versions(interactionId);
  }

  @Get('decisions')
  @ApiOperation({ summary: "The escalation governor's decisions (audit records of kind decision)" })
  @ApiOkResponse({ standardSchema: AuditRecordsResponseSchema })
  decisions(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
  ): Records {
    return this.reads.records(interactionId, ['decision']);
  }

  @Get('grants')
  @ApiOperation({ summary: 'Authority grants issued, used, refused, revoked (kind grant)' })
  @ApiOkResponse({ standardSchema: AuditRecordsResponseSchema })
  grants(@Param('interactionId', { schema: InteractionIdParam }) interactionId: string): Records {
    return this.reads.records(interactionId, ['grant']);
  }

  @Get('handoffs')
  @ApiOperation({ summary: 'The handoff timeline (kind handoff: HandoffEvent per transfer state)' })
  @ApiOkResponse({ standardSchema: AuditRecordsResponseSchema })
  handoffs(@Param('interactionId', { schema: InteractionIdParam }) interactionId: string): Records {
    return this.reads.records(interactionId, ['handoff'] satisfies AuditRecordKind[]);
  }

  @Get('timeline')
  @ApiOperation({
    summary:
      'The interaction story in order: evidence, intent versions, decisions, grants, transfer states, bookings',
  })
  @ApiOkResponse({ standardSchema: StoryResponseSchema })
  @ApiNotFoundResponse({ description: 'Nothing is stored', standardSchema: ErrorBodySchema })
  timeline(
    @Param('interactionId', { schema: InteractionIdParam }) interactionId: string,
  ): Promise<{ interactionId: string; story: StoryJson[] }> {
    return this.reads.story(interactionId);
  }

  @Get('audit')
  @ApiOperation({ summary: 'The whole audit trail, ordered by time' })
  @ApiOkResponse({ standardSchema: AuditRecordsResponseSchema })
  audit(@Param('interactionId', { schema: InteractionIdParam }) interactionId: string): Records {
    return this.reads.records(interactionId);
  }
}

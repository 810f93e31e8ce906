import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@tcma/auth';
import { OutboxService, OutboxSummary } from '@tcma/delivery';
import type { Actor } from '@tcma/tenancy';
import { IsOptional, IsUUID } from 'class-validator';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';

/** Newest first. */
class OutboxQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partnerId?: string;
}

class OutboxMessageDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) partnerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sendId!: string | null;
  @ApiProperty() from!: string;
  @ApiProperty({ type: [String] }) to!: string[];
  @ApiProperty() subject!: string;
  @ApiProperty({ nullable: true, type: String }) messageId!: string | null;
  @ApiProperty() createdAt!: Date;
}

const view = (m: OutboxSummary): OutboxMessageDto => ({ id: String(m.id), partnerId: m.partnerId, sendId: m.sendId ? String(m.sendId) : null, from: m.envelopeFrom, to: m.recipients, subject: m.subject, messageId: m.messageId, createdAt: m.createdAt });

/** Where email goes when no SMTP server is configured: every message, readable. */
@ApiTags('delivery')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({ operationId: 'listOutboxMessages', summary: 'List the messages in the local outbox' })
  @ApiOkResponse({ type: PageDto(OutboxMessageDto), description: 'Newest first.' })
  async list(@CurrentActor() actor: Actor, @Query() query: OutboxQuery): Promise<Page<OutboxMessageDto>> {
    return pageOf(await this.outbox.list(actor, query), query, view);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getOutboxMessage', summary: 'Get an outbox message' })
  @ApiOkResponse({ type: OutboxMessageDto })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<OutboxMessageDto> {
    return view(await this.outbox.get(actor, id));
  }

  @Get(':id/raw')
  @ApiOperation({ operationId: 'getOutboxMessageRaw', summary: 'Download an outbox message as it would have gone over SMTP' })
  @ApiOkResponse({ description: 'The message exactly as it would have gone over SMTP (message/rfc822).' })
  async raw(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    const message = await this.outbox.get(actor, id);
    return new StreamableFile(message.raw, { type: 'message/rfc822', disposition: `inline; filename="${message.id}.eml"` });
  }
}

import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@tcma/auth';
import { OutboxService } from '@tcma/delivery';
import type { OutboxMessageEntity } from '@tcma/persistence';
import type { Actor } from '@tcma/tenancy';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

class OutboxQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partnerId?: string;
  @ApiPropertyOptional({ description: 'Keyset pagination, newest first: the last id of the previous page.' }) @IsOptional() @Matches(/^\d{1,18}$/) before?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit: number = 50;
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

const view = (m: OutboxMessageEntity): OutboxMessageDto => ({ id: String(m.id), partnerId: m.partnerId, sendId: m.sendId ? String(m.sendId) : null, from: m.envelopeFrom, to: m.recipients, subject: m.subject, messageId: m.messageId, createdAt: m.createdAt });

/** Where email goes when no SMTP server is configured: every message, readable. */
@ApiTags('delivery')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOkResponse({ type: [OutboxMessageDto] })
  async list(@CurrentActor() actor: Actor, @Query() query: OutboxQuery): Promise<OutboxMessageDto[]> {
    return (await this.outbox.list(actor, { partnerId: query.partnerId, beforeId: query.before, limit: query.limit })).map(view);
  }

  @Get(':id')
  @ApiOkResponse({ type: OutboxMessageDto })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<OutboxMessageDto> {
    return view(await this.outbox.get(actor, id));
  }

  @Get(':id/raw')
  @ApiOkResponse({ description: 'The message exactly as it would have gone over SMTP (message/rfc822).' })
  async raw(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    const message = await this.outbox.get(actor, id);
    return new StreamableFile(message.raw, { type: 'message/rfc822', disposition: `inline; filename="${message.id}.eml"` });
  }
}

import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { OutboxService, OutboxSummary } from '@tcma/delivery';
import type { Actor } from '@tcma/tenancy';
import { IsOptional, IsUUID } from 'class-validator';
import type { Response } from 'express';
import { emailPageCsp } from '../common/email-page-csp';
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

const view = (m: OutboxSummary): OutboxMessageDto => ({
  id: String(m.id),
  partnerId: m.partnerId,
  sendId: m.sendId ? String(m.sendId) : null,
  from: m.envelopeFrom,
  to: m.recipients,
  subject: m.subject,
  messageId: m.messageId,
  createdAt: m.createdAt,
});

/** Where email goes when no SMTP server is configured: every message, readable. */
@ApiTags('delivery')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('outbox')
export class OutboxController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

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
  @ApiOperation({
    operationId: 'getOutboxMessageRaw',
    summary: 'Download an outbox message as it would have gone over SMTP',
  })
  @ApiOkResponse({ description: 'The message exactly as it would have gone over SMTP (message/rfc822).' })
  async raw(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    const message = await this.outbox.get(actor, id);
    return new StreamableFile(message.raw, {
      type: 'message/rfc822',
      disposition: `inline; filename="${message.id}.eml"`,
    });
  }

  @Get(':id/html')
  @ApiOperation({
    operationId: 'getOutboxMessageHtml',
    summary: 'Show an outbox message as HTML, as a mail client would',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({
    description:
      "The message's HTML part, decoded, under a sandboxing Content-Security-Policy (no scripts, images only from the engine and https).",
  })
  @ApiNotFoundResponse({ description: 'No such message in your scope, or it has no HTML part.' })
  async html(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const html = await this.outbox.body(actor, id, 'html');
    // A vendor's HTML is shown, never run: the same policy as previews and the view-in-browser page.
    res.setHeader('Content-Security-Policy', emailPageCsp(this.config.publicBaseUrl));
    return this.inline(res, html, 'text/html; charset=utf-8');
  }

  @Get(':id/text')
  @ApiOperation({ operationId: 'getOutboxMessageText', summary: 'Show an outbox message as plain text' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: "The message's text part, decoded." })
  @ApiNotFoundResponse({ description: 'No such message in your scope, or it has no text part.' })
  async text(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.inline(res, await this.outbox.body(actor, id, 'text'), 'text/plain; charset=utf-8');
  }

  private inline(res: Response, body: string, type: string): StreamableFile {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(Buffer.from(body, 'utf8'), { type, disposition: 'inline' });
  }
}

import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { DraftChanges, DraftReviewService, DraftTimeline } from '@tcma/campaigns';
import type { TemplateVocabularyList } from '@tcma/cobrand';
import { DraftEmailCheck, DraftEmailCheckService, DraftPageCheck, DraftPageCheckService } from '@tcma/rendering';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  DraftChangesDto,
  DraftEmailCheckDto,
  DraftEmailCheckResultDto,
  DraftTimelineDto,
  DraftTimelineRequestDto,
  DraftVocabularyDto,
} from './dto/draft-tools.dto';
import { DraftPageCheckDto, DraftPageCheckResultDto } from './dto/draft-page-check.dto';
import { toSequenceInput } from './dto/sequence-input.dto';

/** The editor's read-only questions about a draft: nothing here is ever saved. */
@ApiTags('campaigns')
@ApiBearerAuth()
// Reads only: approvers read what they review.
@Roles('vendor_admin', 'vendor_marketer', 'vendor_approver')
@Controller('campaigns/:id/draft')
export class CampaignDraftController {
  constructor(
    private readonly emailCheck: DraftEmailCheckService,
    private readonly pageCheck: DraftPageCheckService,
    private readonly review: DraftReviewService,
  ) {}

  @Post('email-check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'checkDraftEmail',
    summary: 'Check an email against the draft without saving it, with a preview',
  })
  @ApiOkResponse({
    type: DraftEmailCheckResultDto,
    description:
      'The problems saving it would give (none: valid), and the email rendered as the partner and the sample prospect.',
  })
  checkEmail(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: DraftEmailCheckDto,
  ): Promise<DraftEmailCheck> {
    return this.emailCheck.check(actor, id, dto);
  }

  @Post('page-check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'checkDraftPage',
    summary: 'Check a landing page against the draft without saving it, with a preview',
  })
  @ApiOkResponse({
    type: DraftPageCheckResultDto,
    description:
      'The problems saving it would give (none: valid), and the page as the partner (or the sample partner) would serve it.',
  })
  checkPage(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: DraftPageCheckDto,
  ): Promise<DraftPageCheck> {
    return this.pageCheck.check(actor, id, dto);
  }

  @Post('timeline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'previewDraftTimeline',
    summary: 'When a sample prospect would receive each step of the draft sequence',
  })
  @ApiOkResponse({ type: DraftTimelineDto })
  @ApiUnprocessableEntityResponse({
    description:
      'The sequence is invalid (the problems saving it would give), the zone is unknown, or the draft has no sequence.',
  })
  timeline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: DraftTimelineRequestDto,
  ): Promise<DraftTimeline> {
    return this.review.timeline(actor, id, {
      start: dto.start,
      timeZone: dto.timeZone,
      ...(dto.sequence ? { sequence: toSequenceInput(dto.sequence) } : {}),
    });
  }

  @Get('vocabulary')
  @ApiOperation({
    operationId: 'getDraftVocabulary',
    summary: "What the draft's templates may name, and the mandatory email footer",
  })
  @ApiOkResponse({
    type: DraftVocabularyDto,
    description:
      "The draft's slots (with the colours derived from colour slots), the prospect fields and the links, as the template checks know them; and an MJML footer with the unsubscribe link and the partner's address slot.",
  })
  vocabulary(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<TemplateVocabularyList> {
    return this.review.vocabulary(actor, id);
  }

  @Get('changes')
  @ApiOperation({
    operationId: 'getDraftChanges',
    summary: 'What publishing the draft would change since the latest version',
  })
  @ApiOkResponse({ type: DraftChangesDto })
  changes(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<DraftChanges> {
    return this.review.changes(actor, id);
  }
}

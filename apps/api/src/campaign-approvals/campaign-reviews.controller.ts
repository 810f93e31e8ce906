import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { CampaignApprovalsService, PublishingPolicy, ReviewView, WaitingReview } from '@tcma/campaign-approvals';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  ApproveReviewDto,
  PublishingPolicyDto,
  PublishingPolicyViewDto,
  RequestChangesDto,
  RequestReviewDto,
  ReviewCommentDto,
  ReviewDto,
  WaitingReviewsDto,
} from './reviews.dto';

const VENDOR_USERS = ['vendor_admin', 'vendor_marketer', 'vendor_approver'] as const;

@ApiTags('campaign reviews')
@ApiBearerAuth()
@Controller()
export class CampaignReviewsController {
  constructor(private readonly approvals: CampaignApprovalsService) {}

  @Get('publishing-policy')
  @ApiOperation({
    operationId: 'getPublishingPolicy',
    summary: 'Whether campaigns are published only through a review',
  })
  @Roles(...VENDOR_USERS)
  @ApiOkResponse({ type: PublishingPolicyViewDto })
  policy(@CurrentActor() actor: Actor): Promise<PublishingPolicy> {
    return this.approvals.policy(actor);
  }

  @Put('publishing-policy')
  @ApiOperation({
    operationId: 'updatePublishingPolicy',
    summary: 'Require (or stop requiring) an approval to publish',
  })
  @Roles('vendor_admin')
  @ApiOkResponse({ type: PublishingPolicyViewDto })
  setPolicy(@CurrentActor() actor: Actor, @Body() dto: PublishingPolicyDto): Promise<PublishingPolicy> {
    return this.approvals.setPolicy(actor, dto.approvalRequired);
  }

  @Get('campaign-reviews/waiting')
  @ApiOperation({ operationId: 'listWaitingReviews', summary: "The reviews waiting for the vendor's approvers" })
  @Roles(...VENDOR_USERS)
  @ApiOkResponse({ type: WaitingReviewsDto })
  waiting(@CurrentActor() actor: Actor): Promise<{ items: WaitingReview[]; total: number }> {
    return this.approvals.waiting(actor);
  }

  @Get('campaigns/:id/reviews')
  @ApiOperation({ operationId: 'listCampaignReviews', summary: "A campaign's reviews with their audit trails" })
  @Roles(...VENDOR_USERS)
  @ApiOkResponse({ type: [ReviewDto], description: 'Newest first.' })
  list(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ReviewView[]> {
    return this.approvals.list(actor, id);
  }

  @Post('campaigns/:id/reviews')
  @ApiOperation({ operationId: 'requestCampaignReview', summary: 'Ask for a review of the draft as it is' })
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiCreatedResponse({ type: ReviewDto, description: "The review; the vendor's approvers are emailed." })
  @ApiConflictResponse({ description: 'A review is already waiting, or there is no draft.' })
  @ApiUnprocessableEntityResponse({ description: 'The draft could not be published as it is; `errors` lists why.' })
  request(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: RequestReviewDto,
  ): Promise<ReviewView> {
    return this.approvals.request(actor, id, dto);
  }

  @Get('campaigns/:id/reviews/:reviewId')
  @ApiOperation({ operationId: 'getCampaignReview', summary: 'One review with its audit trail' })
  @Roles(...VENDOR_USERS)
  @ApiOkResponse({ type: ReviewDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('reviewId', ParseIdPipe) reviewId: string,
  ): Promise<ReviewView> {
    return this.approvals.get(actor, id, reviewId);
  }

  @Post('campaigns/:id/reviews/:reviewId/comments')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'addCampaignReviewComment',
    summary: 'Comment on a waiting review, on an asset or the whole',
  })
  @Roles(...VENDOR_USERS)
  @ApiOkResponse({ type: ReviewDto })
  @ApiConflictResponse({ description: 'The review is no longer waiting.' })
  comment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('reviewId', ParseIdPipe) reviewId: string,
    @Body() dto: ReviewCommentDto,
  ): Promise<ReviewView> {
    return this.approvals.comment(actor, id, reviewId, dto);
  }

  @Post('campaigns/:id/reviews/:reviewId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'approveCampaignReview', summary: 'Approve, publishing exactly the revision reviewed' })
  @Roles('vendor_admin', 'vendor_approver')
  @ApiOkResponse({ type: ReviewDto, description: 'Approved, with the version it published.' })
  @ApiConflictResponse({
    description: 'The review is no longer waiting, or the draft was edited since (the review is then void).',
  })
  @ApiForbiddenResponse({ description: 'Only approvers and admins approve.' })
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('reviewId', ParseIdPipe) reviewId: string,
    @Body() dto: ApproveReviewDto,
  ): Promise<ReviewView> {
    return this.approvals.approve(actor, id, reviewId, dto?.comment);
  }

  @Post('campaigns/:id/reviews/:reviewId/request-changes')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'requestCampaignReviewChanges', summary: 'Return the draft with what to change' })
  @Roles('vendor_admin', 'vendor_approver')
  @ApiOkResponse({ type: ReviewDto })
  @ApiConflictResponse({ description: 'The review is no longer waiting.' })
  requestChanges(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('reviewId', ParseIdPipe) reviewId: string,
    @Body() dto: RequestChangesDto,
  ): Promise<ReviewView> {
    return this.approvals.requestChanges(actor, id, reviewId, dto.comment);
  }
}

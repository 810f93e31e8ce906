import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGE_CHOICES } from '@tcma/campaign-model';
import { REVIEW_COMMENT_MAX } from '@tcma/campaign-approvals';
import { REVIEW_EVENT_KINDS, REVIEW_STATUSES } from '@tcma/persistence';
import type { ReviewEventKind, ReviewStatus } from '@tcma/persistence';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class RequestReviewDto {
  @ApiPropertyOptional({ maxLength: REVIEW_COMMENT_MAX, description: 'What the approvers should know or look at.' })
  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_COMMENT_MAX)
  note?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...LANGUAGE_CHOICES] },
    example: { de: 'fallback' },
    description:
      'For each language not ready, fallback or hold, as POST /campaigns/{id}/publish asks; checked now and applied when approval publishes.',
  })
  @IsOptional()
  @IsObject()
  languages?: Record<string, string>;
}

export class ReviewCommentDto {
  @ApiProperty({ maxLength: REVIEW_COMMENT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_COMMENT_MAX)
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The asset of the draft the comment is about.' })
  @IsOptional()
  @IsUUID()
  assetId?: string;
}

export class ApproveReviewDto {
  @ApiPropertyOptional({ maxLength: REVIEW_COMMENT_MAX, description: 'A note kept in the trail with the approval.' })
  @IsOptional()
  @IsString()
  @MaxLength(REVIEW_COMMENT_MAX)
  comment?: string;
}

export class RequestChangesDto {
  @ApiProperty({ maxLength: REVIEW_COMMENT_MAX, description: 'What to change: kept in the trail.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REVIEW_COMMENT_MAX)
  comment!: string;
}

export class PublishingPolicyDto {
  @ApiProperty({
    description:
      "Campaigns are published only through a review: marketers ask for one (POST /campaigns/{id}/reviews) and an approver's or admin's approval publishes it.",
  })
  @IsBoolean()
  approvalRequired!: boolean;
}

export class PublishingPolicyViewDto extends PublishingPolicyDto {
  @ApiProperty({
    description: "The caller's publish goes straight through (an admin's always; a marketer's without the rule).",
  })
  mayPublish!: boolean;
  @ApiProperty({ description: 'The caller authors drafts (admins and marketers); an approver only reads them.' })
  mayEdit!: boolean;
  @ApiProperty({ description: 'The caller may ask for a review (admins and marketers).' })
  mayRequestReview!: boolean;
  @ApiProperty({ description: 'The caller may approve or return a review (admins and approvers).' })
  mayApprove!: boolean;
}

class ReviewActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class ReviewEventDto {
  @ApiProperty({ enum: REVIEW_EVENT_KINDS }) kind!: ReviewEventKind;
  @ApiProperty({ type: ReviewActorDto, nullable: true, description: 'Null once that user was deleted.' })
  by!: ReviewActorDto | null;
  @ApiProperty({ description: "The draft revision it concerned (for a voided review, the edit's)." })
  draftRevision!: number;
  @ApiProperty({ type: String, nullable: true, description: "A comment's asset; null for the whole campaign." })
  assetId!: string | null;
  @ApiProperty({ type: String, nullable: true }) body!: string | null;
  @ApiProperty() at!: Date;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ description: 'The draft revision under review: approving publishes exactly this one.' })
  draftRevision!: number;
  @ApiProperty({ enum: REVIEW_STATUSES }) status!: ReviewStatus;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: [...LANGUAGE_CHOICES] } })
  languages!: Record<string, string>;
  @ApiProperty() requestedAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The version approval published.' })
  publishedVersion!: number | null;
  @ApiProperty({ type: [ReviewEventDto], description: 'The audit trail, oldest step first.' })
  events!: ReviewEventDto[];
}

export class WaitingReviewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() draftRevision!: number;
  @ApiProperty({ type: String, nullable: true }) requestedBy!: string | null;
  @ApiProperty() requestedAt!: Date;
}

export class WaitingReviewsDto {
  @ApiProperty({ type: [WaitingReviewDto], description: 'Oldest first, at most 20.' }) items!: WaitingReviewDto[];
  @ApiProperty() total!: number;
}

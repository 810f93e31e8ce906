import { ApiProperty } from '@nestjs/swagger';
import { ASSISTANT_CALL_STATUSES, AssistantCallStatus } from '@tcma/persistence';
import type { AssistantCallListItem, AssistantStatus } from '@tcma/assistant';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

export class AssistantStatusDto implements AssistantStatus {
  @ApiProperty({ description: 'Whether this installation has a model configured (AI_BASE_URL and AI_MODEL).' })
  enabled!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'gpt-4o-mini' }) model!: string | null;
  @ApiProperty({ example: '2026-11', description: 'The calendar month (UTC) the figures count.' }) month!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "The vendor's token budget this month; null for partner users.",
  })
  monthlyTokens!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Tokens used this month; null for partner users.' })
  usedTokens!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The most a vendor admin may set (AI_MONTHLY_TOKENS_PER_VENDOR); null for partner users.',
  })
  maxMonthlyTokens!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "The vendor's own budget; null: the installation's." })
  vendorMonthlyTokens!: number | null;
  @ApiProperty({ description: 'Calls the vendor (its partners included) may make per minute.' })
  callsPerMinute!: number;
}

export class SetAssistantBudgetDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 1_000_000_000,
    description: "Tokens a month, at most the installation's limit; null: the installation's limit.",
  })
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  monthlyTokens!: number | null;
}

export class AssistantCallDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who asked (null once the user is deleted).' })
  userName!: string | null;
  @ApiProperty({ nullable: true, type: String }) userEmail!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) partnerId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The partner it was asked for, if any.' })
  partnerName!: string | null;
  @ApiProperty({ example: 'subject_lines', description: 'What for.' }) purpose!: string;
  @ApiProperty({ example: 'gpt-4o-mini' }) model!: string;
  @ApiProperty({ enum: ASSISTANT_CALL_STATUSES }) status!: AssistantCallStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed or was refused.' }) error!: string | null;
  @ApiProperty() promptTokens!: number;
  @ApiProperty() completionTokens!: number;
  @ApiProperty({ nullable: true, type: Number }) durationMs!: number | null;
  @ApiProperty() createdAt!: Date;

  static from(c: AssistantCallListItem): AssistantCallDto {
    return {
      id: c.id,
      userId: c.userId,
      userName: c.userName,
      userEmail: c.userEmail,
      partnerId: c.partnerId,
      partnerName: c.partnerName,
      purpose: c.purpose,
      model: c.model,
      status: c.status,
      error: c.error,
      promptTokens: c.promptTokens,
      completionTokens: c.completionTokens,
      durationMs: c.durationMs,
      createdAt: c.createdAt,
    };
  }
}

/** A machine's options for one field: what the editors and "Help me write" offer a person to pick from. */
export class AssistantOptionsDto {
  @ApiProperty({ format: 'uuid', description: 'The recorded call (GET /assistant/calls).' }) callId!: string;
  @ApiProperty() model!: string;
  @ApiProperty({
    type: [String],
    description:
      "A machine's suggestions, each already within the field's limits (others are left out): nothing is written until a person picks one.",
  })
  options!: string[];
}

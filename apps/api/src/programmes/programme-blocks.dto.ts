import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TEXT_BLOCK_APPROVALS } from '@tcma/campaign-model';
import type { TextBlockApproval } from '@tcma/campaign-model';
import type { ProgrammeBlock } from '@tcma/programmes';
import { IsOptional, IsUUID } from 'class-validator';

export class ProgrammeBlocksQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The partner (vendor users); a partner user is always its own.' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}

export class BlockCampaignDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() version!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The first email placing the block (its preview); null when only a landing page does.',
  })
  assetId!: string | null;
}

export class ProgrammeBlockDto {
  @ApiProperty({ description: 'The slot’s name: the key of the subscription’s slotValues.' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
  @ApiProperty({ description: 'The smallest limit of the campaigns holding the block, in characters.' })
  maxLength!: number;
  @ApiProperty({ description: 'Links to the partner’s own website, only when every campaign allows them.' })
  allowLinks!: boolean;
  @ApiProperty({ enum: TEXT_BLOCK_APPROVALS, description: '`vendor` when any campaign waits for an approver.' })
  approval!: TextBlockApproval;
  @ApiProperty({ nullable: true, type: String, description: 'Sent when the partner writes none.' })
  fallback!: string | null;
  @ApiProperty({ type: BlockCampaignDto, isArray: true }) campaigns!: BlockCampaignDto[];

  static from(b: ProgrammeBlock): ProgrammeBlockDto {
    return { ...b, campaigns: b.campaigns.map((c) => ({ ...c })) };
  }
}

export class ProgrammeBlocksDto {
  @ApiProperty({ type: ProgrammeBlockDto, isArray: true }) items!: ProgrammeBlockDto[];
}

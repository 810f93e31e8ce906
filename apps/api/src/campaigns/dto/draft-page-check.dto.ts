import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageAssetDto } from './asset-input.dto';
import { ProblemDto } from './campaign-output.dto';
import { DraftPreviewAsDto } from './draft-tools.dto';

/** A landing page as the editor has it: its variants are not checked here (they are saved with the page). */
export class DraftPageCheckDto extends OmitType(PageAssetDto, ['variants'] as const) {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The page of the draft being edited (checked as PUT …/assets/page/{assetId} would, its variants kept); without it, as one being added (POST …/assets/page).',
  })
  @IsOptional()
  @IsUUID()
  assetId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "A partner of the vendor to render the preview as (its brand kit; required slots it lacks show their type's sample value). Default: the sample partner.",
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}

export class DraftPagePreviewDto extends DraftPreviewAsDto {
  @ApiProperty({
    description:
      "The whole document a visitor would be served, its form blank, in the campaign's language. Shown in a sandboxed frame: it holds no script.",
  })
  html!: string;
  @ApiProperty({ description: "The page's address for that partner." }) url!: string;
}

export class DraftPageCheckResultDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({
    type: [ProblemDto],
    description:
      'Exactly the problems saving this page would answer 422 with (paths such as assets[3].html with lines, assets[3].form.fields[0].name).',
  })
  problems!: ProblemDto[];
  @ApiProperty({
    type: DraftPagePreviewDto,
    nullable: true,
    description: 'null only when the page cannot be compiled.',
  })
  preview!: DraftPagePreviewDto | null;
}

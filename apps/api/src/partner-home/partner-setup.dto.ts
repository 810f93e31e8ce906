import { ApiProperty } from '@nestjs/swagger';
import { PartnerSetup, SETUP_STEPS, type SetupStepKey } from '@tcma/partner-home';
import { CatalogueItemDto } from '../rendering/catalogue.dto';

export class SetupStepDto {
  @ApiProperty({ enum: SETUP_STEPS }) key!: SetupStepKey;
  @ApiProperty({
    description:
      'company: the kit has an email and a postal address; brand: it has a logo; sender: it has a sender identity (confirmed or not); audience: at least one prospect; launch: at least one launch.',
  })
  done!: boolean;
}

export class PartnerSetupDto {
  @ApiProperty({ type: [SetupStepDto], description: `The steps in order: ${SETUP_STEPS.join(', ')}.` })
  steps!: SetupStepDto[];
  @ApiProperty({
    enum: SETUP_STEPS,
    nullable: true,
    type: String,
    description: 'The first step not done: where the set-up opens (and resumes); null when every step is done.',
  })
  next!: SetupStepKey | null;
  @ApiProperty() complete!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "A primary colour for a kit without one: the logo's dominant colour, darkened until white text on it meets WCAG AA; null without a logo or once the kit has a primary colour.",
  })
  suggestedPrimaryColor!: string | null;
  @ApiProperty({ description: 'The sender address was confirmed by the link mailed to it.' }) senderConfirmed!: boolean;
  @ApiProperty({ description: 'How many prospects the partner has.' }) prospects!: number;
  @ApiProperty({
    type: CatalogueItemDto,
    nullable: true,
    description: "The campaign to launch first: the catalogue's first (promoted first, then the newest published).",
  })
  suggestedCampaign!: CatalogueItemDto | null;

  static from(setup: PartnerSetup): PartnerSetupDto {
    return setup;
  }
}

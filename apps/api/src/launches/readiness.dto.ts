import { ApiProperty } from '@nestjs/swagger';
import { READINESS_CODES } from '@tcma/launches';

export class ReadinessItemDto {
  @ApiProperty({ enum: READINESS_CODES }) code!: string;
  @ApiProperty({
    example: 'brandKit.logo',
    description: 'The field that fixes it: brandKit.logo, brandKit.address, brandKit.sender, slots.<name>, campaignId.',
  })
  path!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'A blocking item stops a launch (422 naming it); the others are advice.' })
  blocking!: boolean;
}

export class ReadinessDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ description: 'The version checked: the latest published.' }) version!: number;
  @ApiProperty({ description: 'No blocking item: a launch would be accepted (audience and start aside).' })
  ready!: boolean;
  @ApiProperty({ type: [ReadinessItemDto] }) items!: ReadinessItemDto[];
}

import { ApiProperty } from '@nestjs/swagger';

/** A report as JSON: its columns in order, and one object per row keyed by those columns. */
export class AnalyticsTableDto {
  @ApiProperty({ type: [String], example: ['campaignId', 'campaignName', 'enrolled', 'sent'] }) columns!: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Counts are numbers, rates are fractions (0.25) or null, times ISO 8601, days YYYY-MM-DD.',
  })
  rows!: Array<Record<string, unknown>>;
}

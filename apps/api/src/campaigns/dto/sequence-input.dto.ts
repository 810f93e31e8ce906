import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SequenceInput } from '@tcma/campaigns';
import { STEP_CONDITIONS, StepCondition, WEEKDAYS, Weekday } from '@tcma/campaign-model';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class WaitDto {
  @ApiProperty({ enum: ['duration', 'next_weekday'] })
  @IsIn(['duration', 'next_weekday'])
  type!: 'duration' | 'next_weekday';

  @ApiPropertyOptional({ minimum: 0, maximum: 365, description: 'duration only' })
  @ValidateIf((w: WaitDto) => w.type === 'duration' && w.days !== undefined)
  @IsInt()
  @Min(0)
  @Max(365)
  days?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 8760, description: 'duration only' })
  @ValidateIf((w: WaitDto) => w.type === 'duration' && w.hours !== undefined)
  @IsInt()
  @Min(0)
  @Max(8760)
  hours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 525600, description: 'duration only' })
  @ValidateIf((w: WaitDto) => w.type === 'duration' && w.minutes !== undefined)
  @IsInt()
  @Min(0)
  @Max(525600)
  minutes?: number;

  @ApiPropertyOptional({ enum: WEEKDAYS, description: 'next_weekday only' })
  @ValidateIf((w: WaitDto) => w.type === 'next_weekday')
  @IsIn(WEEKDAYS)
  weekday?: Weekday;

  @ApiPropertyOptional({ example: '09:30', description: "next_weekday only: local time in the recipient's zone" })
  @ValidateIf((w: WaitDto) => w.type === 'next_weekday')
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be HH:MM (24-hour)' })
  time?: string;
}

export class WindowDto {
  @ApiProperty({ enum: WEEKDAYS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsIn(WEEKDAYS, { each: true })
  days!: Weekday[];

  @ApiProperty({ minimum: 0, maximum: 23 }) @IsInt() @Min(0) @Max(23) startHour!: number;
  @ApiProperty({ minimum: 1, maximum: 24, description: 'Exclusive.' }) @IsInt() @Min(1) @Max(24) endHour!: number;
}

export class StepDto {
  @ApiPropertyOptional({ example: 'welcome' }) @IsOptional() @IsString() @Length(1, 40) id?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  emailAssetId!: string;

  @ApiProperty({
    type: WaitDto,
    description: 'The wait before this step: after launch for the first step, after the previous send otherwise.',
  })
  @ValidateNested()
  @Type(() => WaitDto)
  wait!: WaitDto;

  @ApiPropertyOptional({ type: WindowDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowDto)
  window?: WindowDto | null;

  @ApiPropertyOptional({ enum: STEP_CONDITIONS, default: 'always' })
  @IsOptional()
  @IsIn(STEP_CONDITIONS)
  condition?: StepCondition;
}

export class ExitDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'A campaign link name: a prospect who clicks it leaves the sequence.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  clickedLink?: string | null;

  @ApiProperty({ description: 'A prospect marked converted leaves the sequence.' })
  @IsBoolean()
  converted!: boolean;
}

export class SequenceDto {
  @ApiProperty({ type: [StepDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => StepDto)
  steps!: StepDto[];

  @ApiProperty({ type: ExitDto, description: 'Unsubscribed prospects always leave.' })
  @ValidateNested()
  @Type(() => ExitDto)
  exit!: ExitDto;
}

/** The DTO's flat wait as the domain's discriminated union. */
export function toSequenceInput(dto: SequenceDto): SequenceInput {
  return {
    steps: dto.steps.map((s) => ({
      ...(s.id !== undefined ? { id: s.id } : {}),
      emailAssetId: s.emailAssetId,
      wait:
        s.wait.type === 'duration'
          ? { type: 'duration', days: s.wait.days, hours: s.wait.hours, minutes: s.wait.minutes }
          : { type: 'next_weekday', weekday: s.wait.weekday as Weekday, time: s.wait.time as string },
      window: s.window ?? null,
      condition: s.condition ?? 'always',
    })),
    exit: { clickedLink: dto.exit.clickedLink ?? null, converted: dto.exit.converted },
  };
}

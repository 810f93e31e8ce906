import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import type { DueDays, EnrollmentNextStep, LaunchProspect } from '@tcma/launches';
import { ENROLLMENT_STATUSES, EnrollmentStatus } from '@tcma/persistence';
import { NEXT_STEP_STATES } from '@tcma/sequences';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '../common/page.query';
import { IsTimeZone } from '../common/validators/is-time-zone.validator';

export class LaunchEnrollmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;
}

export class EnrollmentNextStepDto {
  @ApiProperty() enrollmentId!: string;
  @ApiProperty() prospectId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status!: string;
  @ApiProperty({ type: Number, nullable: true, description: '1-based; null once no step is left.' }) nextStep!:
    number | null;
  @ApiProperty({ type: String, nullable: true, description: "The step's email." }) nextStepName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextDueAt!: Date | null;
  @ApiProperty({ description: "The zone the step's time is reckoned in: the prospect's, else the partner's." })
  timezone!: string;
  @ApiProperty({ enum: NEXT_STEP_STATES }) state!: string;
  @ApiProperty({
    description: 'Why the next email has not gone, for a person: "waiting for Monday 08:00 America/New_York".',
  })
  explanation!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the step is expected to go, if it will.',
  })
  sendsAt!: Date | null;

  static from(e: EnrollmentNextStep): EnrollmentNextStepDto {
    return Object.assign(new EnrollmentNextStepDto(), e);
  }
}

export class DueDaysQuery {
  @ApiPropertyOptional({ description: "IANA zone the days are counted in; the launch's partner's by default." })
  @IsOptional()
  @IsTimeZone()
  zone?: string;
}

export class DueDayDto {
  @ApiProperty({ example: '2026-11-23' }) day!: string;
  @ApiProperty({ description: 'Active enrollments whose next step is due that day.' }) steps!: number;
}

export class DueDaysDto {
  @ApiProperty({ format: 'uuid' }) launchId!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: [DueDayDto] }) days!: DueDayDto[];

  static from(d: DueDays): DueDaysDto {
    return Object.assign(new DueDaysDto(), d);
  }
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class LaunchProspectsFilter {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;
  @ApiPropertyOptional({
    description: 'Only prospects who clicked this link (its name in the campaign, e.g. register).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'clicked must be a link name (lower-case letters, digits and _)' })
  clicked?: string;
  @ApiPropertyOptional({ description: 'Only prospects who opened (true) or did not (false) any of its emails.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  opened?: boolean;
}

export class LaunchProspectsQuery extends IntersectionType(PageQuery, LaunchProspectsFilter) {}

export class LinkClickDto {
  @ApiProperty({ description: "The link's name in the campaign." }) link!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'First click by a person.' }) at!: Date;
}

export class LaunchProspectDto {
  @ApiProperty() enrollmentId!: string;
  @ApiProperty() prospectId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) firstName!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName!: string | null;
  @ApiProperty({ type: String, nullable: true }) company!: string | null;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '1-based step the prospect is at (the next to send); null once none is left.',
  })
  currentStep!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSentAt!: Date | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'de',
    description:
      "The language of the last email sent: the campaign's own or one of its variants; null before the first.",
  })
  language!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "A person's first open of any of the launch's emails.",
  })
  openedAt!: Date | null;
  @ApiProperty({ type: [LinkClickDto], description: 'Links a person clicked, first clicked first.' })
  clicks!: LinkClickDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the prospect left: unsubscribed, suppressed, converted, clicked.',
  })
  exitReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) exitedAt!: Date | null;

  static from(p: LaunchProspect): LaunchProspectDto {
    return Object.assign(new LaunchProspectDto(), p);
  }
}

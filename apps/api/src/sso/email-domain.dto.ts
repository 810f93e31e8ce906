import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_DOMAIN_STATUSES, EmailDomainRow, EmailDomainStatus } from '@tcma/persistence';
import { MAX_EMAIL_DOMAINS_PER_OWNER } from '@tcma/sso';
import { challengeRecord } from '@tcma/vendor-hosts';
import { IsString, MaxLength } from 'class-validator';
import { HostNameTxtRecordDto } from '../vendor-hosts/vendor-host-name.dto';

export class ClaimEmailDomainDto {
  @ApiProperty({
    example: 'acme.example',
    description: `The part of your users' email addresses after the @. At most ${MAX_EMAIL_DOMAINS_PER_OWNER} per company.`,
  })
  @IsString()
  @MaxLength(300)
  domain!: string;
}

export class EmailDomainDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'acme.example' }) domain!: string;
  @ApiProperty({
    enum: EMAIL_DOMAIN_STATUSES,
    description: 'pending until a check finds the TXT record; verified: its addresses are offered your own sign-in.',
  })
  status!: EmailDomainStatus;
  @ApiProperty({ type: HostNameTxtRecordDto, description: 'The record to publish, then check.' })
  txtRecord!: HostNameTxtRecordDto;
  @ApiProperty({ nullable: true, type: Date }) checkedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) verifiedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'What the last check found instead of the record.' })
  lastError!: string | null;
  @ApiProperty() createdAt!: Date;

  static from(d: EmailDomainRow): EmailDomainDto {
    return {
      id: d.id,
      domain: d.domain,
      status: d.status,
      txtRecord: challengeRecord(d.domain, d.verificationToken),
      checkedAt: d.checkedAt,
      verifiedAt: d.verifiedAt,
      lastError: d.lastError,
      createdAt: d.createdAt,
    };
  }
}

export class EmailDomainListDto {
  @ApiProperty({ type: [EmailDomainDto], description: `Oldest first; at most ${MAX_EMAIL_DOMAINS_PER_OWNER}.` })
  items!: EmailDomainDto[];
}

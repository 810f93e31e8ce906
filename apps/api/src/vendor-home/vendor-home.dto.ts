import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  REMIND_AGAIN_AFTER_DAYS,
  SentReminder,
  VENDOR_HOME_DAYS,
  VENDOR_HOME_IDLE_DAYS,
  VENDOR_HOME_IDLE_PARTNERS,
  VENDOR_HOME_TOP_CAMPAIGNS,
  VendorHome,
} from '@tcma/vendor-home';
import { DnsCheckReportDto } from '../delivery/sending.controller';

export class HomeNetworkDto {
  @ApiProperty({ description: 'Active partners in all.' }) partners!: number;
  @ApiProperty({ description: 'Partners with an invitation sent in the period.' }) invited!: number;
  @ApiProperty({ description: 'Partners one of whose users signed in during the period.' }) signedIn!: number;
  @ApiProperty({ description: 'Partners that started a launch in the period.' }) launched!: number;
}

export class HomeResultsDto {
  @ApiProperty({ description: 'Launches started in the period.' }) launches!: number;
  @ApiProperty({ description: "Prospects enrolled by the period's launches." }) prospectsReached!: number;
  @ApiProperty({ description: "Unique human clicks on the period's days (UTC)." }) clicks!: number;
  @ApiProperty({ description: 'Leads captured in the period.' }) leads!: number;
}

export class TopCampaignDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty({ description: 'Launches, or unique human clicks, in the period.' }) count!: number;
}

export class HomeTopCampaignsDto {
  @ApiProperty({ type: [TopCampaignDto], description: `At most ${VENDOR_HOME_TOP_CAMPAIGNS}, most first.` })
  byLaunches!: TopCampaignDto[];
  @ApiProperty({
    type: [TopCampaignDto],
    description: `At most ${VENDOR_HOME_TOP_CAMPAIGNS}, most first; a campaign without a click is not listed.`,
  })
  byClicks!: TopCampaignDto[];
}

export class IdlePartnerDto {
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() partnerName!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null when it never launched.' })
  lastLaunchAt!: Date | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When one of its users last signed in; null when none ever did.',
  })
  lastSignInAt!: Date | null;
  @ApiProperty({ description: 'Its enabled users: whom a reminder goes to.' }) users!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: `When the vendor last reminded it; null when never. A partner is reminded at most once in ${REMIND_AGAIN_AFTER_DAYS} days.`,
  })
  lastRemindedAt!: Date | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it may be reminded again; null when it may be now.',
  })
  remindAgainAt!: Date | null;
}

export class HomeIdlePartnersDto {
  @ApiProperty({
    type: [IdlePartnerDto],
    description: `Active partners with no launch in the last ${VENDOR_HOME_IDLE_DAYS} days: those that never launched first, then the longest idle; at most ${VENDOR_HOME_IDLE_PARTNERS}.`,
  })
  items!: IdlePartnerDto[];
  @ApiProperty({ description: 'How many partners are idle in all.' }) total!: number;
  @ApiProperty({ description: 'Days without a launch that make a partner idle.' }) idleDays!: number;
}

export class HomeSendingDto {
  @ApiProperty({ description: "The vendor's SMTP server is set." }) smtp!: boolean;
  @ApiProperty({ type: String, nullable: true }) sendingDomain!: string | null;
  @ApiProperty({ description: "A DKIM key signs the vendor's mail." }) dkim!: boolean;
  @ApiProperty({
    type: DnsCheckReportDto,
    nullable: true,
    description: "The sending domain's DNS records, looked up as the home is read; null when no sending domain is set.",
  })
  dns!: DnsCheckReportDto | null;
  @ApiProperty({ description: 'Bounces in the period.' }) bounced!: number;
  @ApiProperty({ description: 'Spam complaints in the period.' }) complaints!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'bounced / sent in the period; null when nothing was sent.',
  })
  bounceRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'complaints / sent; null when nothing was sent.' })
  complaintRate!: number | null;
}

export class VendorHomeDto {
  @ApiProperty({ description: 'Where the period begins.' }) since!: Date;
  @ApiProperty({ description: `The period's length in days (${VENDOR_HOME_DAYS}).` }) days!: number;
  @ApiProperty({ type: HomeNetworkDto }) network!: HomeNetworkDto;
  @ApiProperty({ type: HomeResultsDto }) results!: HomeResultsDto;
  @ApiProperty({ type: HomeTopCampaignsDto }) topCampaigns!: HomeTopCampaignsDto;
  @ApiProperty({ type: HomeIdlePartnersDto }) idlePartners!: HomeIdlePartnersDto;
  @ApiProperty({ type: HomeSendingDto }) sending!: HomeSendingDto;

  static from(home: VendorHome): VendorHomeDto {
    const dns = home.sending.dns && { ...home.sending.dns, checkedAt: home.sending.dns.checkedAt.toISOString() };
    return { ...home, sending: { ...home.sending, dns } };
  }
}

export class CreateReminderDto {
  @ApiProperty({ format: 'uuid', description: 'The partner whose users are reminded.' })
  @IsUUID()
  partnerId!: string;
}

export class ReminderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({
    format: 'uuid',
    description: "The campaign offered: the first of the partner's catalogue (promoted first).",
  })
  campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty({ description: "The partner's enabled users it was mailed to." }) recipients!: number;
  @ApiProperty() createdAt!: Date;

  static from(r: SentReminder): ReminderDto {
    return { ...r };
  }
}

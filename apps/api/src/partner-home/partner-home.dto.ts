import { ApiProperty } from '@nestjs/swagger';
import {
  HOME_NEW_LEADS,
  HOME_NEW_LEADS_DAYS,
  HOME_PENDING_LAUNCHES,
  HOME_READY_TO_LAUNCH,
  HOME_RUNNING_LAUNCHES,
  HOME_RUNNING_STATUSES,
  PartnerHome,
} from '@tcma/partner-home';
import { LaunchSummaryDto } from '../launches/launch.dto';
import { LeadDto } from '../pages/lead.dto';
import { PendingLaunchDto } from '../programmes/programme.dto';
import { CatalogueItemDto } from '../rendering/catalogue.dto';

export class HomeNewLeadsDto {
  @ApiProperty({ description: `Leads captured in the last ${HOME_NEW_LEADS_DAYS} days.` }) count!: number;
  @ApiProperty({ description: 'Where those days begin.' }) since!: Date;
  @ApiProperty({ type: [LeadDto], description: `The latest of them, newest first; at most ${HOME_NEW_LEADS}.` })
  latest!: LeadDto[];
}

export class HomeChecklistDto {
  @ApiProperty({ description: 'The brand kit has a logo.' }) logo!: boolean;
  @ApiProperty({ description: "The brand kit's sender address was confirmed by the link mailed to it." })
  senderConfirmed!: boolean;
  @ApiProperty({ description: 'At least one prospect.' }) prospects!: boolean;
  @ApiProperty({ description: 'At least one launch, in any state.' }) launched!: boolean;
  @ApiProperty({ description: 'Every step above is done.' }) complete!: boolean;
}

export class PartnerHomeDto {
  @ApiProperty({
    type: [CatalogueItemDto],
    description: `Campaigns the partner may launch now, as the catalogue lists them (promoted first, then the newest published); at most ${HOME_READY_TO_LAUNCH}.`,
  })
  readyToLaunch!: CatalogueItemDto[];
  @ApiProperty({ description: 'How many campaigns the catalogue offers in all.' }) readyToLaunchTotal!: number;
  @ApiProperty({
    type: [PendingLaunchDto],
    description: `Programme launches waiting for the partner's review (state pending), soonest due first; at most ${HOME_PENDING_LAUNCHES}.`,
  })
  pendingLaunches!: PendingLaunchDto[];
  @ApiProperty({ description: 'How many are waiting in all.' }) pendingLaunchesTotal!: number;
  @ApiProperty({
    type: [LaunchSummaryDto],
    description: `The partner's running launches (${HOME_RUNNING_STATUSES.join(', ')}), newest first, with their totals so far; at most ${HOME_RUNNING_LAUNCHES}.`,
  })
  runningLaunches!: LaunchSummaryDto[];
  @ApiProperty({ description: 'How many are running in all.' }) runningLaunchesTotal!: number;
  @ApiProperty({ type: HomeNewLeadsDto }) newLeads!: HomeNewLeadsDto;
  @ApiProperty({ type: HomeChecklistDto }) checklist!: HomeChecklistDto;

  static from(home: PartnerHome): PartnerHomeDto {
    return {
      readyToLaunch: home.readyToLaunch,
      readyToLaunchTotal: home.readyToLaunchTotal,
      pendingLaunches: home.pendingLaunches.map((p) => PendingLaunchDto.from(p)),
      pendingLaunchesTotal: home.pendingLaunchesTotal,
      runningLaunches: home.runningLaunches.map((l) => LaunchSummaryDto.fromSummary(l)),
      runningLaunchesTotal: home.runningLaunchesTotal,
      newLeads: { ...home.newLeads, latest: home.newLeads.latest.map((l) => LeadDto.from(l)) },
      checklist: home.checklist,
    };
  }
}

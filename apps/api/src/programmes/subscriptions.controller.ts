import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { SubscriptionsService } from '@tcma/programmes';
import type { Actor } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { toAudience } from '../launches/launch.dto';
import { chosenAccounts } from '../social-posts/social-post.dto';
import {
  CurrentLaunchesDto,
  ListSubscriptionsQuery,
  PendingLaunchDto,
  SubscriptionDto,
  UnsubscribedDto,
  UpdateSubscriptionDto,
} from './programme.dto';

@ApiTags('programmes')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('programme-subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  @ApiOperation({ operationId: 'listProgrammeSubscriptions', summary: 'List programme subscriptions' })
  @ApiOkResponse({
    type: PageDto(SubscriptionDto),
    description: "A partner's own; a vendor's of all its partners (or one, with partnerId). Newest first.",
  })
  async list(@CurrentActor() actor: Actor, @Query() query: ListSubscriptionsQuery): Promise<Page<SubscriptionDto>> {
    return pageOf(await this.subscriptions.list(actor, query), query, (s) => SubscriptionDto.from(s));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getProgrammeSubscription', summary: 'Get a programme subscription' })
  @ApiOkResponse({ type: SubscriptionDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<SubscriptionDto> {
    return SubscriptionDto.from(await this.subscriptions.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateProgrammeSubscription', summary: 'Change the defaults of a subscription' })
  @ApiOkResponse({
    type: SubscriptionDto,
    description: 'Applies to launches offered from now on; pending ones keep theirs. 409 once unsubscribed.',
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateSubscriptionDto,
  ): Promise<SubscriptionDto> {
    const { audience, socialAccounts, ...rest } = dto;
    return SubscriptionDto.from(
      await this.subscriptions.update(actor, id, {
        ...rest,
        ...(audience ? { audience: toAudience(audience) } : {}),
        ...(socialAccounts ? { socialAccounts: chosenAccounts(socialAccounts) } : {}),
      }),
    );
  }

  @Post(':id/launch-current')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'startCurrentProgrammeVersions',
    summary: "Launch the current version of the programme's campaigns now",
    description:
      'A subscription is offered only versions published after it began; this starts the latest version of each campaign the programme offers the partner now. Idempotent: asking again starts nothing more and answers the same pending launches. 409 once the subscription has ended.',
  })
  @ApiOkResponse({ type: CurrentLaunchesDto })
  async launchCurrent(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CurrentLaunchesDto> {
    return { items: (await this.subscriptions.launchCurrent(actor, id)).map((p) => PendingLaunchDto.from(p)) };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'unsubscribeFromProgramme',
    summary: 'Unsubscribe: the subscription ends and its pending launches are cancelled',
  })
  @ApiOkResponse({ type: UnsubscribedDto })
  unsubscribe(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<UnsubscribedDto> {
    return this.subscriptions.unsubscribe(actor, id);
  }
}

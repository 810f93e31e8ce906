import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { SocialPostsService } from '@tcma/social-posts';
import type { Actor } from '@tcma/tenancy';
import { Page, pageOf } from '../common/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  chosenAccounts,
  CreateSocialPostDto,
  ListSocialPostsQuery,
  SocialPostDto,
  SocialPostPageDto,
} from './social-post.dto';

@ApiTags('social')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('social-posts')
export class SocialPostsController {
  constructor(private readonly posts: SocialPostsService) {}

  @Post()
  @ApiOperation({
    operationId: 'createSocialPost',
    summary: 'Schedule a campaign’s social asset on the partner’s connected networks',
  })
  @ApiCreatedResponse({
    type: SocialPostDto,
    description:
      'Field-level 422 for a network not connected, a chosen account that is not the partner’s own working one on that network (another partner’s reads as unknown), a time in the past or a campaign without a social asset.',
  })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateSocialPostDto): Promise<SocialPostDto> {
    return SocialPostDto.from(await this.posts.create(actor, { ...dto, accounts: chosenAccounts(dto.accounts) }));
  }

  @Get()
  @ApiOperation({
    operationId: 'listSocialPosts',
    summary: 'List social posts: the calendar of scheduled, published and failed posts',
  })
  @ApiOkResponse({
    type: SocialPostPageDto,
    description:
      'Latest due first, each with every network’s state and its clicks; `clicks` totals the matching posts’. Vendor users see every partner’s posts (the console calendar), or one partner’s with partnerId.',
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ListSocialPostsQuery,
  ): Promise<Page<SocialPostDto> & { clicks: number }> {
    const found = await this.posts.list(actor, query);
    return { ...pageOf(found, query, (p) => SocialPostDto.from(p)), clicks: found.clicks };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getSocialPost', summary: 'Get a social post with each network’s state' })
  @ApiOkResponse({ type: SocialPostDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<SocialPostDto> {
    return SocialPostDto.from(await this.posts.get(actor, id));
  }

  @Delete(':id')
  @ApiOperation({ operationId: 'cancelSocialPost', summary: 'Cancel a social post before any network was tried' })
  @ApiOkResponse({
    type: SocialPostDto,
    description:
      '409 once a network has been tried. The partner’s users cancel their own posts; a vendor user only acting for the partner (X-Acting-For, concierge mode: the cancel gets an entry of its own in the partner’s audit log and its users are emailed), else 403.',
  })
  async cancel(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<SocialPostDto> {
    return SocialPostDto.from(await this.posts.cancel(actor, id));
  }
}

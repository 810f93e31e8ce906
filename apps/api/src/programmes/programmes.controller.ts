import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { ProgrammeBlocksService, ProgrammesService, SubscriptionsService } from '@tcma/programmes';
import type { Actor } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { toAudience } from '../launches/launch.dto';
import { chosenAccounts } from '../social-posts/social-post.dto';
import { ProgrammeBlockDto, ProgrammeBlocksDto, ProgrammeBlocksQuery } from './programme-blocks.dto';
import { CreateProgrammeDto, ProgrammeDto, SubscribeDto, SubscriptionDto, UpdateProgrammeDto } from './programme.dto';

@ApiTags('programmes')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('programmes')
export class ProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly subscriptions: SubscriptionsService,
    private readonly blocks: ProgrammeBlocksService,
  ) {}

  @Post()
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiOperation({ operationId: 'createProgramme', summary: 'Create a programme: campaigns by name and/or by tag' })
  @ApiCreatedResponse({
    type: ProgrammeDto,
    description: 'Field-level 422 for a taken name or a campaign of another vendor.',
  })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto): Promise<ProgrammeDto> {
    return ProgrammeDto.from(await this.programmes.create(actor, dto));
  }

  @Get()
  @ApiOperation({ operationId: 'listProgrammes', summary: "List the vendor's programmes" })
  @ApiOkResponse({
    type: PageDto(ProgrammeDto),
    description: 'By name. Partners see every programme of their vendor, to subscribe.',
  })
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<ProgrammeDto>> {
    return pageOf(await this.programmes.list(actor, query), query, (p) => ProgrammeDto.from(p));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getProgramme', summary: 'Get a programme' })
  @ApiOkResponse({ type: ProgrammeDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ProgrammeDto> {
    return ProgrammeDto.from(await this.programmes.get(actor, id));
  }

  @Get(':id/editable-blocks')
  @ApiOperation({
    operationId: 'listProgrammeEditableBlocks',
    summary: "The editable blocks a partner's subscription fills for the programme's campaigns",
  })
  @ApiOkResponse({
    type: ProgrammeBlocksDto,
    description:
      'Of the latest published version of each campaign the programme offers the partner now; a block several campaigns share is one text, held to the strictest of their limits.',
  })
  async editableBlocks(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ProgrammeBlocksQuery,
  ): Promise<ProgrammeBlocksDto> {
    return { items: (await this.blocks.blocks(actor, id, query.partnerId)).map((b) => ProgrammeBlockDto.from(b)) };
  }

  @Patch(':id')
  @Roles('vendor_admin', 'vendor_marketer')
  @ApiOperation({ operationId: 'updateProgramme', summary: 'Change a programme' })
  @ApiOkResponse({ type: ProgrammeDto, description: 'New campaigns are offered from their next published version on.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateProgrammeDto,
  ): Promise<ProgrammeDto> {
    return ProgrammeDto.from(await this.programmes.update(actor, id, dto));
  }

  @Delete(':id')
  @Roles('vendor_admin', 'vendor_marketer')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'deleteProgramme',
    summary: 'Delete a programme, its subscriptions and its pending launches',
  })
  @ApiNoContentResponse({ description: 'Launches already started are not touched.' })
  async delete(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.programmes.delete(actor, id);
  }

  @Post(':id/subscriptions')
  @ApiOperation({
    operationId: 'createProgrammeSubscription',
    summary: 'Subscribe a partner to a programme, with the defaults of its launches',
  })
  @ApiCreatedResponse({
    type: SubscriptionDto,
    description: '409 when already subscribed; 404 for a list the partner may not use.',
  })
  async subscribe(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: SubscribeDto,
  ): Promise<SubscriptionDto> {
    return SubscriptionDto.from(
      await this.subscriptions.subscribe(actor, id, {
        ...dto,
        audience: toAudience(dto.audience),
        socialAccounts: chosenAccounts(dto.socialAccounts),
      }),
    );
  }
}

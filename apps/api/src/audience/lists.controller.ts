import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { LIST_ORDERS, ListOrder, ProspectListsService } from '@tcma/audience';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';

class CreateListDto {
  @ApiProperty({ example: 'Webinar attendees' }) @IsString() @Length(1, 200) name!: string;
}

class ListsQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: LIST_ORDERS,
    default: 'name',
    description: 'name: A to Z; newest: the most recently created first.',
  })
  @IsOptional()
  @IsIn(LIST_ORDERS)
  sort: ListOrder = 'name';
}

class MembersDto {
  @ApiProperty({ type: [String], description: 'Prospect ids (at most 10,000 a call).' })
  @IsArray()
  @ArrayMaxSize(10_000)
  @Matches(/^\d{1,18}$/, { each: true })
  prospectIds!: string[];
}

class ListViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() size!: number;
  @ApiProperty() createdAt!: Date;
}

@ApiTags('audience')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('partners/:partnerId/lists')
export class ListsController {
  constructor(private readonly lists: ProspectListsService) {}

  @Post()
  @ApiOperation({ operationId: 'createList', summary: 'Create a prospect list' })
  @ApiCreatedResponse({ type: ListViewDto })
  async create(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Body() dto: CreateListDto,
  ): Promise<ListViewDto> {
    const list = await this.lists.create(actor, partnerId, dto.name);
    return { id: list.id, name: list.name, size: 0, createdAt: list.createdAt };
  }

  @Get()
  @ApiOperation({ operationId: 'listLists', summary: "List a partner's prospect lists" })
  @ApiOkResponse({ type: PageDto(ListViewDto), description: 'By name, or the newest first.' })
  async list(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Query() query: ListsQuery,
  ): Promise<Page<ListViewDto>> {
    return pageOf(await this.lists.list(actor, partnerId, query, query.sort), query, (l) => ({
      id: l.id,
      name: l.name,
      size: l.size,
      createdAt: l.createdAt,
    }));
  }

  @Post(':listId/members')
  @ApiOperation({ operationId: 'addListMembers', summary: 'Add prospects to a list' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      '{ added }: how many were not members yet. A prospect id of another partner, or an unknown one, is a 404 and adds nothing.',
  })
  addMembers(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('listId', ParseIdPipe) listId: string,
    @Body() dto: MembersDto,
  ): Promise<{ added: number }> {
    return this.lists.addMembers(actor, partnerId, listId, dto.prospectIds);
  }

  @Delete(':listId/members')
  @ApiOperation({ operationId: 'removeListMembers', summary: 'Remove prospects from a list' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  removeMembers(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('listId', ParseIdPipe) listId: string,
    @Body() dto: MembersDto,
  ): Promise<void> {
    return this.lists.removeMembers(actor, partnerId, listId, dto.prospectIds);
  }
}

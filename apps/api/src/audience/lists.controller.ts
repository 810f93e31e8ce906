import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ProspectListsService } from '@tcma/audience';
import { CurrentActor } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { ArrayMaxSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { ParseIdPipe } from '../common/parse-id.pipe';

class CreateListDto {
  @ApiProperty({ example: 'Webinar attendees' }) @IsString() @Length(1, 200) name!: string;
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
@Controller('partners/:partnerId/lists')
export class ListsController {
  constructor(private readonly lists: ProspectListsService) {}

  @Post()
  @ApiCreatedResponse({ type: ListViewDto })
  async create(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string, @Body() dto: CreateListDto): Promise<ListViewDto> {
    const list = await this.lists.create(actor, partnerId, dto.name);
    return { id: list.id, name: list.name, size: 0, createdAt: list.createdAt };
  }

  @Get()
  @ApiOkResponse({ type: [ListViewDto] })
  async list(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string): Promise<ListViewDto[]> {
    return (await this.lists.list(actor, partnerId)).map((l) => ({ id: l.id, name: l.name, size: l.size, createdAt: l.createdAt }));
  }

  @Post(':listId/members')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: '{ added }: prospects of other partners, or unknown ids, are not added.' })
  addMembers(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string, @Param('listId', ParseIdPipe) listId: string, @Body() dto: MembersDto): Promise<{ added: number }> {
    return this.lists.addMembers(actor, partnerId, listId, dto.prospectIds);
  }

  @Delete(':listId/members')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  removeMembers(@CurrentActor() actor: Actor, @Param('partnerId', ParseIdPipe) partnerId: string, @Param('listId', ParseIdPipe) listId: string, @Body() dto: MembersDto): Promise<void> {
    return this.lists.removeMembers(actor, partnerId, listId, dto.prospectIds);
  }
}

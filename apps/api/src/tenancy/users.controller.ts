import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { Actor, UsersService } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto } from './dto/user.dto';
import { Page, PageDto, pageOf } from '../common/page.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Roles('vendor_admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ operationId: 'createUser', summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(actor, dto));
  }

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: 'List users' })
  @ApiOkResponse({ type: PageDto(UserDto) })
  async list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery): Promise<Page<UserDto>> {
    return pageOf(await this.users.list(actor, query), query, (u) => UserDto.from(u));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getUser', summary: 'Get a user' })
  @ApiOkResponse({ type: UserDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<UserDto> {
    return UserDto.from(await this.users.get(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateUser', summary: 'Update a user' })
  @ApiOkResponse({ type: UserDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.update(actor, id, dto));
  }
}

import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssistantService } from '@tcma/assistant';
import { CurrentActor, Roles } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { AssistantCallDto, AssistantStatusDto, SetAssistantBudgetDto } from './assistant.dto';

/** Whether the assistant is on, its budget, and the record of every call to its model. */
@ApiTags('assistant')
@ApiBearerAuth()
@Controller('assistant')
export class AssistantController {
  constructor(private readonly assistant: AssistantService) {}

  @Get()
  @ApiOperation({
    operationId: 'getAssistantStatus',
    summary: "Whether the assistant is on; for vendor users, this month's token budget and use",
  })
  @ApiOkResponse({ type: AssistantStatusDto })
  status(@CurrentActor() actor: Actor): Promise<AssistantStatusDto> {
    return this.assistant.status(actor);
  }

  @Put('budget')
  @Roles('vendor_admin')
  @ApiOperation({
    operationId: 'replaceAssistantBudget',
    summary: "Set the vendor's monthly token budget (at most the installation's; null for the installation's)",
    description: "422 above the installation's limit (AI_MONTHLY_TOKENS_PER_VENDOR).",
  })
  @ApiOkResponse({ type: AssistantStatusDto })
  setBudget(@CurrentActor() actor: Actor, @Body() dto: SetAssistantBudgetDto): Promise<AssistantStatusDto> {
    return this.assistant.setMonthlyTokens(actor, dto.monthlyTokens);
  }

  @Get('calls')
  @Roles('vendor_admin')
  @ApiOperation({
    operationId: 'listAssistantCalls',
    summary: "Every call to the assistant's model, newest first: who, what for, model, tokens, duration",
  })
  @ApiOkResponse({ type: PageDto(AssistantCallDto) })
  async calls(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<AssistantCallDto>> {
    return pageOf(await this.assistant.listCalls(actor, query), query, (c) => AssistantCallDto.from(c));
  }
}

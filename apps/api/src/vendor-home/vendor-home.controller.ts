import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { REMIND_AGAIN_AFTER_DAYS, RemindersService, VendorHomeService } from '@tcma/vendor-home';
import { CreateReminderDto, ReminderDto, VendorHomeDto } from './vendor-home.dto';

/** The page a vendor user lands on: the network at a glance, and the partners to nudge. */
@ApiTags('vendor home')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('vendor-home')
export class VendorHomeController {
  constructor(
    private readonly home: VendorHomeService,
    private readonly reminders: RemindersService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'getVendorHome',
    summary: 'The vendor home: the network over the last 30 days, top campaigns, idle partners, sending health',
  })
  @ApiOkResponse({ type: VendorHomeDto, description: "For the vendor's users only: a partner's user gets 404." })
  async get(@CurrentActor() actor: Actor): Promise<VendorHomeDto> {
    return VendorHomeDto.from(await this.home.get(actor));
  }

  @Post('reminders')
  @ApiOperation({
    operationId: 'remindPartner',
    summary: "Email a partner's users, in the vendor's brand, a campaign they can launch from the email",
    description:
      "The campaign is the first of the partner's catalogue (promoted first); each enabled user gets the email in their language, with a button that launches it for all the partner's prospects without signing in (a page asks to confirm first). Vendor users only (a partner's user gets 404).",
  })
  @ApiCreatedResponse({ type: ReminderDto })
  @ApiConflictResponse({ description: `The partner was reminded in the last ${REMIND_AGAIN_AFTER_DAYS} days.` })
  @ApiUnprocessableEntityResponse({
    description: 'The partner is suspended, has no campaign it may launch, or no enabled user.',
  })
  async remind(@CurrentActor() actor: Actor, @Body() dto: CreateReminderDto): Promise<ReminderDto> {
    return ReminderDto.from(await this.reminders.remind(actor, dto.partnerId));
  }
}

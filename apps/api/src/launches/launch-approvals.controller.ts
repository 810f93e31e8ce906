import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { LaunchApprovalsService, LaunchesService, RETURN_COMMENT_MAX, WaitingLaunchApproval } from '@tcma/launches';
import type { Actor } from '@tcma/tenancy';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { LaunchViewDto } from './launch.dto';

class BlockForApprovalDto {
  @ApiProperty({ description: 'The editable block (its slot name).' }) slot!: string;
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
  @ApiProperty({ description: "The partner's text, as written (canonical: \\n line breaks)." }) text!: string;
  @ApiProperty({ description: 'The text as it is sent: escaped HTML with the allowed formatting.' }) html!: string;
  @ApiProperty() allowLinks!: boolean;
}

class WaitingLaunchApprovalDto {
  @ApiProperty({ format: 'uuid' }) launchId!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() partnerName!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({
    description: 'When the partner asked it to start; an approval starts it then or at once, whichever is later.',
  })
  startAt!: Date;
  @ApiProperty({ type: [BlockForApprovalDto] }) blocks!: BlockForApprovalDto[];
}

class WaitingLaunchApprovalsDto {
  @ApiProperty({ type: [WaitingLaunchApprovalDto] }) items!: WaitingLaunchApprovalDto[];
  @ApiProperty() total!: number;
}

class ReturnLaunchDto {
  @ApiProperty({ maxLength: RETURN_COMMENT_MAX, description: 'What the partner should change: shown on its launch.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(RETURN_COMMENT_MAX)
  comment!: string;
}

/**
 * A partner's own words (issue 27): launches whose editable block waits for the vendor's
 * approval, for the vendor's approvers (approvers and admins), who approve or return them.
 */
@ApiTags('launches')
@ApiBearerAuth()
@Roles('vendor_admin', 'vendor_approver')
@Controller()
export class LaunchApprovalsController {
  constructor(
    private readonly approvals: LaunchApprovalsService,
    private readonly launches: LaunchesService,
  ) {}

  @Get('launch-approvals')
  @ApiOperation({
    operationId: 'listLaunchApprovals',
    summary: "Launches waiting for an approval of a partner's editable block",
  })
  @ApiOkResponse({ type: WaitingLaunchApprovalsDto, description: 'Oldest first.' })
  waiting(@CurrentActor() actor: Actor): Promise<{ items: WaitingLaunchApproval[]; total: number }> {
    return this.approvals.waiting(actor);
  }

  @Post('launches/:id/approve')
  @ApiOperation({
    operationId: 'approveLaunch',
    summary: "Approve a launch's editable blocks: the texts are remembered and the launch starts",
  })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: LaunchViewDto,
    description: 'It starts now (or at its own later start): its dry run and timeline start from the approval.',
  })
  @ApiNotFoundResponse({ description: 'No such launch of the vendor.' })
  @ApiConflictResponse({ description: 'The launch is not waiting for an approval.' })
  async approve(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LaunchViewDto> {
    await this.approvals.approve(actor, id);
    return LaunchViewDto.from(await this.launches.get(actor, id));
  }

  @Post('launches/:id/return')
  @ApiOperation({
    operationId: 'requestLaunchChanges',
    summary: 'Return a waiting launch to its partner with a comment',
  })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LaunchViewDto, description: 'It is returned and never starts; nothing is sent.' })
  @ApiNotFoundResponse({ description: 'No such launch of the vendor.' })
  @ApiConflictResponse({ description: 'The launch is not waiting for an approval.' })
  async return(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ReturnLaunchDto,
  ): Promise<LaunchViewDto> {
    await this.approvals.return(actor, id, dto.comment);
    return LaunchViewDto.from(await this.launches.get(actor, id));
  }
}

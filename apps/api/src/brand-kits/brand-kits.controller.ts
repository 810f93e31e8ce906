import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { BrandKitsService, BrandKitView } from '@tcma/brand-kits';
import { PartnerSendersService, SendingAs } from '@tcma/senders';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { BrandKitDto, BrandKitViewDto } from './brand-kit.dto';
import { StrictRateLimit } from '../rate-limits/rate-limits';

type BrandKitAnswer = BrandKitView & { sendingAs: SendingAs };

@ApiTags('brand kits')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('partners/:id/brand-kit')
export class BrandKitsController {
  constructor(
    private readonly kits: BrandKitsService,
    private readonly senders: PartnerSendersService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getBrandKit', summary: "Get a partner's brand kit" })
  @ApiOkResponse({
    type: BrandKitViewDto,
    description: "Partner users read their own; vendor users any of their partners'.",
  })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<BrandKitAnswer> {
    return this.senders.withSendingAs(actor, id, await this.kits.get(actor, id));
  }

  @Put()
  @ApiOperation({ operationId: 'updateBrandKit', summary: "Replace a partner's brand kit" })
  @Roles('partner_user')
  @ApiOkResponse({
    type: BrandKitViewDto,
    description:
      'Replaces every field but the logo. 422 lists invalid fields; nothing is saved then. A new sender address gets a confirmation link by email; see sendingAs.',
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: BrandKitDto,
  ): Promise<BrandKitAnswer> {
    return this.senders.withSendingAs(actor, id, await this.senders.updateBrandKit(actor, id, dto));
  }

  @Post('sender/confirmation')
  @ApiOperation({
    operationId: 'resendSenderConfirmation',
    summary: "Mail the confirmation link of the partner's From address again",
  })
  @Roles('partner_user')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    description:
      '{ sentTo }. 409 when the kit has no sender identity or it is already confirmed. A new From address gets its link when the kit is saved.',
  })
  resendConfirmation(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<{ sentTo: string }> {
    return this.senders.resendConfirmation(actor, id);
  }

  @StrictRateLimit('sensitive')
  @Put('logo')
  @ApiOperation({ operationId: 'uploadBrandKitLogo', summary: "Upload a partner's logo" })
  @Roles('partner_user')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({
    type: BrandKitViewDto,
    description: 'PNG, JPEG, WebP or SVG; trimmed, fitted into 1200×600, stored as PNG and WebP.',
  })
  @ApiPayloadTooLargeResponse({ description: 'Over 5 MB, or over 40 megapixels decoded.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PNG, JPEG, WebP or SVG (judged by its bytes).' })
  async setLogo(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<BrandKitAnswer> {
    return this.senders.withSendingAs(actor, id, await this.kits.setLogo(actor, id, file?.buffer));
  }

  @Delete('logo')
  @ApiOperation({ operationId: 'deleteBrandKitLogo', summary: "Remove a partner's logo" })
  @Roles('partner_user')
  @ApiOkResponse({ type: BrandKitViewDto })
  async removeLogo(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<BrandKitAnswer> {
    return this.senders.withSendingAs(actor, id, await this.kits.removeLogo(actor, id));
  }
}

import { Body, Controller, Delete, Get, Param, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { BrandKitsService, BrandKitView } from '@tcma/brand-kits';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { BrandKitDto, BrandKitViewDto } from './brand-kit.dto';

@ApiTags('brand kits')
@ApiBearerAuth()
@Controller('partners/:id/brand-kit')
export class BrandKitsController {
  constructor(private readonly kits: BrandKitsService) {}

  @Get()
  @ApiOkResponse({ type: BrandKitViewDto, description: "Partner users read their own; vendor users any of their partners'." })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<BrandKitView> {
    return this.kits.get(actor, id);
  }

  @Put()
  @Roles('partner_user')
  @ApiOkResponse({ type: BrandKitViewDto, description: 'Replaces every field but the logo. 422 lists invalid fields; nothing is saved then.' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: BrandKitDto): Promise<BrandKitView> {
    return this.kits.update(actor, id, dto);
  }

  @Put('logo')
  @Roles('partner_user')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: BrandKitViewDto, description: 'PNG, JPEG, WebP or SVG; trimmed, fitted into 1200×600, stored as PNG and WebP.' })
  @ApiPayloadTooLargeResponse({ description: 'Over 5 MB, or over 40 megapixels decoded.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PNG, JPEG, WebP or SVG (judged by its bytes).' })
  async setLogo(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @UploadedFile() file?: Express.Multer.File): Promise<BrandKitView> {
    return this.kits.setLogo(actor, id, file?.buffer);
  }

  @Delete('logo')
  @Roles('partner_user')
  @ApiOkResponse({ type: BrandKitViewDto })
  removeLogo(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<BrandKitView> {
    return this.kits.removeLogo(actor, id);
  }
}

import { Body, Controller, Delete, Get, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import type { Actor } from '@tcma/tenancy';
import { VendorBrandsService, VendorBrandView } from '@tcma/vendor-brands';
import { StrictRateLimit } from '../rate-limits/rate-limits';
import { VendorBrandDto, VendorBrandViewDto } from './vendor-brand.dto';

const IMAGE_BODY = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
};
const IMAGE_RULES = 'PNG, JPEG, WebP or SVG; trimmed, fitted into 1200×600, stored as PNG and WebP (as partner logos).';

/** The vendor's own brand: every user of the vendor reads it (partners theme the portal with it); admins change it. */
@ApiTags('vendor brand')
@ApiBearerAuth()
@Controller('vendor-brand')
export class VendorBrandController {
  constructor(private readonly brands: VendorBrandsService) {}

  @Get()
  @ApiOperation({ operationId: 'getVendorBrand', summary: "Get the vendor's brand" })
  @ApiOkResponse({ type: VendorBrandViewDto, description: "Any signed-in user of the vendor, its partners' too." })
  get(@CurrentActor() actor: Actor): Promise<VendorBrandView> {
    return this.brands.get(actor);
  }

  @Put()
  @Roles('vendor_admin')
  @ApiOperation({ operationId: 'updateVendorBrand', summary: "Replace the vendor's brand" })
  @ApiOkResponse({
    type: VendorBrandViewDto,
    description: 'Replaces every field but the images. 422 lists invalid fields; nothing is saved then.',
  })
  update(@CurrentActor() actor: Actor, @Body() dto: VendorBrandDto): Promise<VendorBrandView> {
    return this.brands.update(actor, dto);
  }

  @StrictRateLimit('sensitive')
  @Put('logo')
  @Roles('vendor_admin')
  @ApiOperation({ operationId: 'uploadVendorBrandLogo', summary: "Upload the vendor's logo" })
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMAGE_BODY)
  @ApiOkResponse({ type: VendorBrandViewDto, description: IMAGE_RULES })
  @ApiPayloadTooLargeResponse({ description: 'Over 5 MB, or over 40 megapixels decoded.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PNG, JPEG, WebP or SVG (judged by its bytes).' })
  setLogo(@CurrentActor() actor: Actor, @UploadedFile() file?: Express.Multer.File): Promise<VendorBrandView> {
    return this.brands.setImage(actor, 'logo', file?.buffer);
  }

  @Delete('logo')
  @Roles('vendor_admin')
  @ApiOperation({ operationId: 'deleteVendorBrandLogo', summary: "Remove the vendor's logo" })
  @ApiOkResponse({ type: VendorBrandViewDto })
  removeLogo(@CurrentActor() actor: Actor): Promise<VendorBrandView> {
    return this.brands.removeImage(actor, 'logo');
  }

  @StrictRateLimit('sensitive')
  @Put('favicon')
  @Roles('vendor_admin')
  @ApiOperation({ operationId: 'uploadVendorBrandFavicon', summary: "Upload the vendor's favicon" })
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMAGE_BODY)
  @ApiOkResponse({ type: VendorBrandViewDto, description: `${IMAGE_RULES} Best square; browsers scale it down.` })
  @ApiPayloadTooLargeResponse({ description: 'Over 5 MB, or over 40 megapixels decoded.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PNG, JPEG, WebP or SVG (judged by its bytes).' })
  setFavicon(@CurrentActor() actor: Actor, @UploadedFile() file?: Express.Multer.File): Promise<VendorBrandView> {
    return this.brands.setImage(actor, 'favicon', file?.buffer);
  }

  @Delete('favicon')
  @Roles('vendor_admin')
  @ApiOperation({ operationId: 'deleteVendorBrandFavicon', summary: "Remove the vendor's favicon" })
  @ApiOkResponse({ type: VendorBrandViewDto })
  removeFavicon(@CurrentActor() actor: Actor): Promise<VendorBrandView> {
    return this.brands.removeImage(actor, 'favicon');
  }
}

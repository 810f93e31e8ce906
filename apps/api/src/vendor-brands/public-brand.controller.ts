import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public, requestHost } from '@tcma/auth';
import type { PortalBrand } from '@tcma/vendor-brands';
import { VendorBrandsService } from '@tcma/vendor-brands';
import { HostVendors } from '@tcma/vendor-hosts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { brandForRequest } from './brand-for-request';
import { PortalBrandDto } from './vendor-brand.dto';

class PublicBrandQuery {
  @ApiPropertyOptional({ example: 'acme', description: "The vendor's slug, as in the portal's address." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  vendor?: string;
}

/**
 * The brand of signed-out pages (sign-in, password reset, invitations). Registered before the
 * public files' `/public/:key`, which would otherwise take `brand` for a file key.
 */
@ApiTags('public')
@Public()
@Controller('public/brand')
export class PublicBrandController {
  constructor(
    private readonly brands: VendorBrandsService,
    private readonly hosts: HostVendors,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getPublicBrand', summary: 'Get the brand a signed-out page is shown in' })
  @ApiOkResponse({
    type: PortalBrandDto,
    description: "The named vendor's brand; the engine's own when none or an unknown one is named (never a 404).",
  })
  async get(
    @Query() query: PublicBrandQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PortalBrand> {
    // Short: a vendor's change shows on its sign-in page within a minute.
    res.setHeader('Cache-Control', 'public, max-age=60');
    return brandForRequest(this.brands, this.hosts, { vendorSlug: query.vendor ?? null, host: requestHost(req) });
  }
}

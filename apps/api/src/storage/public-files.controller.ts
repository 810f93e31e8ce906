import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { NotFoundError } from '@tcma/errors';
import { SAMPLE_PARTNER_LOGO_PNG } from '@tcma/rendering';
import { PublicFiles } from '@tcma/storage';
import type { Response } from 'express';

/** Files meant for the public (partner logos shown in emails): by content key, cached forever. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicFilesController {
  constructor(private readonly files: PublicFiles) {}

  // Before `:key`, which would otherwise take the name for a content key.
  @Get('sample-partner-logo.png')
  @ApiOperation({
    operationId: 'getSamplePartnerLogo',
    summary: 'Get the placeholder logo draft previews show for the sample partner',
  })
  @ApiOkResponse({ description: 'PNG, 320 × 96 px: a dashed box saying “Partner logo”.' })
  samplePartnerLogo(@Res({ passthrough: true }) res: Response): StreamableFile {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(SAMPLE_PARTNER_LOGO_PNG, { type: 'image/png' });
  }

  @Get(':key')
  @ApiOperation({ operationId: 'getPublicFile', summary: 'Get a public file (logos and images in sent emails)' })
  @ApiOkResponse({ description: 'The file; its key is the hash of its bytes, so it never changes.' })
  @ApiFoundResponse({
    description: 'With PUBLIC_FILE_URLS=presigned: a redirect to a time-limited address of the file in the S3 store.',
  })
  async get(@Param('key') key: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile | undefined> {
    const file = await this.files.serve(key);
    if (!file) throw new NotFoundError('File');
    if (file.kind === 'redirect') {
      res.setHeader('Cache-Control', `public, max-age=${file.maxAgeSeconds}`);
      res.redirect(302, file.url);
      return undefined;
    }
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('ETag', `"${key}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.stream, { type: file.contentType });
  }
}

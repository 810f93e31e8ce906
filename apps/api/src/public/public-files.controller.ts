import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { NotFoundError } from '@tcma/errors';
import { BLOB_KEY_PATTERN, BlobStorage, PublicBlobsRepository } from '@tcma/storage';
import type { Response } from 'express';

/** Files meant for the public (partner logos shown in emails): by content key, cached forever. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicFilesController {
  constructor(
    private readonly publicBlobs: PublicBlobsRepository,
    private readonly storage: BlobStorage,
  ) {}

  @Get(':key')
  @ApiOkResponse({ description: 'The file; its key is the hash of its bytes, so it never changes.' })
  async get(@Param('key') key: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const entry = BLOB_KEY_PATTERN.test(key) ? await this.publicBlobs.find(key) : null;
    const bytes = entry ? await this.storage.get(key) : null;
    if (!entry || !bytes) throw new NotFoundError('File');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('ETag', `"${key}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes, { type: entry.contentType, length: bytes.length });
  }
}

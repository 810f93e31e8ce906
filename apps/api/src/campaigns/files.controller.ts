import { Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import { CampaignFilesService } from '@tcma/campaigns';
import { BadRequestError } from '@tcma/errors';
import type { StoredFileRow } from '@tcma/persistence';
import type { Actor } from '@tcma/tenancy';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { StoredFileDto } from './dto/campaign-output.dto';
import { StrictRateLimit } from '../rate-limits/rate-limits';

const view = (f: StoredFileRow): StoredFileDto => ({
  id: f.id,
  contentType: f.contentType,
  size: f.size,
  metadata: f.metadata,
  createdAt: f.createdAt,
});

@ApiTags('campaigns')
@ApiBearerAuth()
@Roles('vendor_admin', 'vendor_marketer')
@Controller('files')
export class FilesController {
  constructor(private readonly files: CampaignFilesService) {}

  @StrictRateLimit('sensitive')
  @Post()
  @ApiOperation({ operationId: 'uploadFile', summary: 'Upload a PDF or a background image' })
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({
    type: StoredFileDto,
    description: 'A PDF for collateral or a PNG/JPEG/WebP background for social posts; reference it by id in an asset.',
  })
  @ApiPayloadTooLargeResponse({ description: 'Larger than MAX_PDF_BYTES / MAX_IMAGE_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PDF, PNG, JPEG or WebP file (judged by its bytes).' })
  async upload(@CurrentActor() actor: Actor, @UploadedFile() file?: Express.Multer.File): Promise<StoredFileDto> {
    if (!file?.buffer)
      throw new BadRequestError('Send the file as multipart/form-data in the field "file"', [
        { path: 'file', message: 'is required' },
      ]);
    return view(await this.files.upload(actor, file.buffer));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getFile', summary: 'Get an uploaded file' })
  @ApiOkResponse({ type: StoredFileDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<StoredFileDto> {
    return view(await this.files.get(actor, id));
  }
}

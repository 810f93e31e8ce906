import {
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ProspectImportsService } from '@tcma/audience';
import { CurrentActor, MARKETING_ROLES, Roles } from '@tcma/auth';
import { UnsupportedTypeError } from '@tcma/errors';
import type { ProspectImportRow } from '@tcma/persistence';
import type { Actor } from '@tcma/tenancy';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Request, Response } from 'express';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Page, PageDto, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { StrictRateLimit } from '../rate-limits/rate-limits';

class ImportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Also add every imported prospect to this list.' })
  @IsOptional()
  @IsUUID()
  listId?: string;
  @ApiPropertyOptional({
    description:
      'Create a list of this name with the import and add every imported prospect to it (not with listId; a name the partner already uses is a 409).',
    example: 'Trade show leads',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  newList?: string;
}

class RejectedRowDto {
  @ApiProperty({ description: 'The line of the file the row starts on (the header is line 1).' }) line!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [String], description: 'The row as it was sent; empty when it could not be read.' })
  values!: string[];
}

class ImportViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status!: string;
  @ApiProperty() fileSize!: number;
  @ApiProperty({ description: 'Data rows read (the header excluded); while the import runs, those read so far.' })
  rows!: number;
  @ApiProperty({ description: 'New prospects.' }) inserted!: number;
  @ApiProperty({ description: 'Rows merged into an existing prospect (same email, any case).' }) merged!: number;
  @ApiProperty({ description: 'Rows refused (so far, while it runs); see the report.' }) rejected!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The list the imported prospects join: the one named, or the one the import created.',
  })
  listId!: string | null;
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Where to download the rejected rows (CSV).' }) reportUrl!:
    string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt!: Date | null;
}

const CSV_TYPES = /^(text\/csv|application\/csv|text\/plain|application\/octet-stream)\b/i;

@ApiTags('audience')
@ApiBearerAuth()
@Roles(...MARKETING_ROLES)
@Controller('partners/:partnerId/imports')
export class ImportsController {
  constructor(private readonly imports: ProspectImportsService) {}

  @StrictRateLimit('sensitive')
  @Post()
  @ApiOperation({ operationId: 'startImport', summary: 'Import prospects from a CSV file' })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'The CSV itself (UTF-8, BOM optional), header row first; streamed, never held in memory.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiAcceptedResponse({ type: ImportViewDto, description: 'Queued; poll the import for its outcome.' })
  async start(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Query() query: ImportQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('content-type') contentType?: string,
  ): Promise<ImportViewDto> {
    if (!contentType || !CSV_TYPES.test(contentType))
      throw new UnsupportedTypeError('Send the CSV as the request body with Content-Type: text/csv', [
        { path: 'Content-Type', message: `is ${contentType ?? 'missing'}` },
      ]);
    const created = await this.imports.start(actor, partnerId, req, { listId: query.listId, newList: query.newList });
    res.setHeader('Location', `/partners/${partnerId}/imports/${created.id}`);
    return view(partnerId, created);
  }

  @Get()
  @ApiOperation({ operationId: 'listImports', summary: "List a partner's imports" })
  @ApiOkResponse({ type: PageDto(ImportViewDto), description: 'Newest first.' })
  async list(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Query() query: PageQuery,
  ): Promise<Page<ImportViewDto>> {
    return pageOf(await this.imports.list(actor, partnerId, query), query, (i) => view(partnerId, i));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getImport', summary: 'Get an import and its outcome' })
  @ApiOkResponse({ type: ImportViewDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ImportViewDto> {
    return view(partnerId, await this.imports.get(actor, partnerId, id));
  }

  @Get(':id/rejections')
  @ApiOperation({ operationId: 'listImportRejections', summary: "List an import's rejected rows with their reasons" })
  @ApiOkResponse({
    type: PageDto(RejectedRowDto),
    description: 'In file order, once the import has completed (409 before, and for a failed import).',
  })
  async rejections(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<RejectedRowDto>> {
    return pageOf(await this.imports.rejections(actor, partnerId, id, query), query, (r) => r);
  }

  @Get(':id/report')
  @ApiOperation({ operationId: 'getImportReport', summary: "Download an import's rejected rows as CSV" })
  @ApiOkResponse({ description: 'CSV of rejected rows: line, reason, then the row as it was sent.' })
  async report(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseIdPipe) partnerId: string,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.report(actor, partnerId, id), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${id}-rejected.csv"`,
    });
  }
}

function view(partnerId: string, i: ProspectImportRow): ImportViewDto {
  return {
    id: i.id,
    status: i.status,
    fileSize: Number(i.fileSize),
    rows: i.rows,
    inserted: i.inserted,
    merged: i.merged,
    rejected: i.rejected,
    listId: i.listId,
    ignoredColumns: i.ignoredColumns,
    error: i.error,
    reportUrl: i.reportKey ? `/partners/${partnerId}/imports/${i.id}/report` : null,
    createdAt: i.createdAt,
    finishedAt: i.finishedAt,
  };
}

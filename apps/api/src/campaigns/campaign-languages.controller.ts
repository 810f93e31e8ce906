import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@tcma/auth';
import {
  CampaignMachineTranslationService,
  CampaignTranslationsService,
  CampaignView,
  DraftLanguage,
} from '@tcma/campaigns';
import { UnsupportedTypeError } from '@tcma/errors';
import type { Actor } from '@tcma/tenancy';
import { XLIFF_TYPES } from '../common/body-parsers';
import { ApiIfMatch, IfRevision } from '../common/if-revision.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CampaignViewDto } from './dto/campaign-output.dto';
import { DraftLanguageDto } from './dto/languages.dto';

/** A draft's languages besides its own: the emails' variants, imported from translators' XLIFF files. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Roles('vendor_admin', 'vendor_marketer')
@Controller('campaigns/:id/draft/languages')
export class CampaignLanguagesController {
  constructor(
    private readonly translations: CampaignTranslationsService,
    private readonly machine: CampaignMachineTranslationService,
  ) {}

  @Roles('vendor_admin', 'vendor_marketer', 'vendor_approver')
  @Get()
  @ApiOperation({ operationId: 'listDraftLanguages', summary: "The draft's languages and each email's state in them" })
  @ApiOkResponse({
    type: [DraftLanguageDto],
    description: 'Alphabetical by tag; empty when the emails have no variants.',
  })
  list(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<DraftLanguage[]> {
    return this.translations.languages(actor, id);
  }

  @Put(':language')
  @ApiIfMatch()
  @ApiOperation({
    operationId: 'replaceDraftLanguage',
    summary: "Save a translator's XLIFF file as the draft's emails in a language",
  })
  @ApiConsumes('application/xliff+xml')
  @ApiBody({
    description:
      'The XLIFF 2.0 file exported from a version (GET /campaigns/{id}/versions/{version}/xliff) with its targets filled in; at most 2 MB.',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: CampaignViewDto, description: 'The campaign, each email now with a variant in the language.' })
  @ApiUnprocessableEntityResponse({
    description:
      'The file does not fit the draft (another language or export, a unit missing) or a translation drops, adds or alters a placeholder or tag: every problem with its line; nothing was saved.',
  })
  importXliff(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('language') language: string,
    @Body() body: unknown,
    @Headers('content-type') contentType?: string,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    if (typeof body !== 'string')
      throw new UnsupportedTypeError(
        'Send the XLIFF file as the request body with Content-Type: application/xliff+xml',
        [
          {
            path: 'Content-Type',
            message: `is ${contentType ?? 'missing'}; expected one of ${XLIFF_TYPES.join(', ')}`,
          },
        ],
      );
    return this.translations.importXliff(actor, id, language, body, rev);
  }

  @Post(':language/machine-translation')
  @HttpCode(HttpStatus.OK)
  @ApiIfMatch()
  @ApiOperation({
    operationId: 'generateDraftLanguageTranslation',
    summary: "Have the configured model translate the draft's emails into a language, as drafts to review",
  })
  @ApiOkResponse({
    type: CampaignViewDto,
    description:
      "Each email now has a variant in the language with origin machine, needing a person's approval. Only the emails' copy is sent to the model.",
  })
  @ApiUnprocessableEntityResponse({
    description:
      'A segment came back with a placeholder or code dropped, altered or added (each named at its segment, assets[i].segments.<unit>), or the language is invalid; nothing was saved.',
  })
  @ApiTooManyRequestsResponse({ description: "The vendor's monthly token budget or per-minute limit is spent." })
  @ApiServiceUnavailableResponse({
    description: 'No model is configured, or it failed or timed out; nothing was saved.',
  })
  machineTranslate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('language') language: string,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.machine.translate(actor, id, language, rev);
  }

  @Post(':language/approval')
  @HttpCode(HttpStatus.OK)
  @ApiIfMatch()
  @ApiOperation({
    operationId: 'approveDraftLanguage',
    summary: "Approve the model's drafts in a language after reading them",
  })
  @ApiOkResponse({
    type: CampaignViewDto,
    description: 'Every machine variant in the language is marked reviewed by the caller.',
  })
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('language') language: string,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.machine.approve(actor, id, language, rev);
  }

  @Delete(':language')
  @ApiIfMatch()
  @ApiOperation({ operationId: 'deleteDraftLanguage', summary: "Remove a language's variants from the draft" })
  @ApiOkResponse({ type: CampaignViewDto })
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('language') language: string,
    @IfRevision() rev?: number,
  ): Promise<CampaignView> {
    return this.translations.removeLanguage(actor, id, language, rev);
  }
}

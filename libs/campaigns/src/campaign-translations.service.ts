import { Injectable } from '@nestjs/common';
import { BadRequestError } from '@tcma/errors';
import { Actor } from '@tcma/tenancy';
import { campaignXliff, canonicalLanguage } from '@tcma/translation';
import { CampaignsService } from './campaigns.service';

/** A version's copy for translators: what leaves the console for a translation round trip. */
@Injectable()
export class CampaignTranslationsService {
  constructor(private readonly campaigns: CampaignsService) {}

  /**
   * The emails of a published version as one XLIFF 2.0 file into `trgLang` (libs/translation):
   * its name says the campaign, the version and the language. 400 naming `trgLang` when the tag
   * is not BCP 47 or is the campaign's own language; not found as for the version itself.
   */
  async versionXliff(
    actor: Actor,
    id: string,
    version: number,
    trgLang: string,
  ): Promise<{ filename: string; xml: string }> {
    const found = await this.campaigns.version(actor, id, version);
    const target = canonicalLanguage(trgLang);
    const problem = (message: string) => new BadRequestError('The request is invalid', [{ path: 'trgLang', message }]);
    if (!target) throw problem('trgLang must be a BCP 47 language tag, such as de, fr-CA or pt-BR');
    if (target.toLowerCase() === found.content.language.toLowerCase())
      throw problem(`trgLang must differ from the campaign's own language (${found.content.language})`);
    return {
      filename: `campaign-${found.campaignId}-v${version}.${target}.xlf`,
      xml: campaignXliff(found.content, target),
    };
  }
}

import { Injectable } from '@nestjs/common';
import type { EmailAsset, VariantOrigin } from '@tcma/campaign-model';
import { Clock } from '@tcma/clock';
import { BadRequestError, InvalidError, NotFoundError } from '@tcma/errors';
import { Actor } from '@tcma/tenancy';
import {
  campaignLanguages,
  campaignXliff,
  canonicalLanguage,
  Collateral,
  collateralVariantHolds,
  collateralVariantState,
  importCampaignXliff,
  isTranslatable,
  needsReview,
  putTranslation,
  variantReady,
  variantState,
  VariantState,
} from '@tcma/translation';
import { CampaignDraftsService } from './campaign-drafts.service';
import { CampaignView } from './campaign-views';
import { CampaignsService } from './campaigns.service';

/** One language of a draft: how far each email is translated into it. */
export interface DraftLanguage {
  language: string;
  /**
   * Every email's variant is current and, when a model drafted it, approved: publishing sends the
   * language as it is. Otherwise publishing asks whether to fall back or hold the language back.
   */
  ready: boolean;
  emails: Array<{
    assetId: string;
    name: string;
    /** `stale`: the default copy changed after the variant was saved; `missing`: not translated. */
    state: VariantState;
    origin: VariantOrigin | null;
    savedAt: string | null;
    /** A model's draft no person has approved yet (origin `machine`). */
    needsReview: boolean;
  }>;
  /**
   * Every PDF, social post and page of the draft: one without a variant (`missing`) gives this
   * language's readers the default's and does not hold the language back; a `stale` one does.
   */
  assets: Array<{
    assetId: string;
    name: string;
    kind: Collateral['kind'];
    state: VariantState;
    origin: VariantOrigin | null;
    savedAt: string | null;
    /** A model's draft of a post's copy or a page's words no person has approved yet: it holds the language back. */
    needsReview: boolean;
  }>;
}

/** A version's copy for translators, and their translations back into the draft as language variants. */
@Injectable()
export class CampaignTranslationsService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly drafts: CampaignDraftsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The emails, social posts and pages of a published version as one XLIFF 2.0 file into `trgLang` (libs/translation):
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
    const target = otherLanguage(trgLang, found.content.language, 'trgLang', BadRequestError);
    return {
      filename: `campaign-${found.campaignId}-v${version}.${target}.xlf`,
      xml: campaignXliff(found.content, target),
    };
  }

  /**
   * The draft's languages besides its own, alphabetically: every language any asset has a
   * variant in, with each asset's state in it (`missing` where it has none).
   */
  async languages(actor: Actor, id: string): Promise<DraftLanguage[]> {
    const { content } = await this.drafts.current(actor, id);
    const emails = content.assets.filter((a): a is EmailAsset => a.kind === 'email');
    const collateral = content.assets.filter((a): a is Collateral => a.kind !== 'email');
    return campaignLanguages({ ...content, languageChoices: undefined })
      .slice(1)
      .map((language) => ({
        language,
        ready:
          emails.every((e) => variantReady(e, language)) &&
          collateral.every((a) => !collateralVariantHolds(a, language)),
        emails: emails.map((e) => ({
          assetId: e.id,
          name: e.name,
          state: variantState(e, language),
          origin: e.variants?.[language]?.origin ?? null,
          savedAt: e.variants?.[language]?.savedAt ?? null,
          needsReview: needsReview(e.variants?.[language]),
        })),
        assets: collateral.map((a) => ({
          assetId: a.id,
          name: a.name,
          kind: a.kind,
          state: collateralVariantState(a, language),
          origin: a.variants?.[language]?.origin ?? null,
          savedAt: a.variants?.[language]?.savedAt ?? null,
          needsReview: needsReview(a.variants?.[language]),
        })),
      }));
  }

  /**
   * A translator's XLIFF file (exported from a version whose copy reads as the draft's does now)
   * saved as the draft's variants in `language`, every asset of the file at once (a post or page
   * left out of the file keeps what it has): refused whole, each problem at its line, when the
   * file does not match the draft (an older export, another language, a unit missing) or a
   * translation drops, adds or alters a placeholder or tag; refused like any edit when a
   * translated asset would not validate (a post over its network's length). Nothing is saved then.
   */
  importXliff(actor: Actor, id: string, language: string, xml: string, ifRevision?: number): Promise<CampaignView> {
    return this.drafts.edit(actor, id, ifRevision, (draft) => {
      const target = otherLanguage(language, draft.language, 'language', InvalidError);
      const imported = importCampaignXliff(draft, target, xml);
      if (!imported.ok)
        throw new InvalidError(
          'The translation does not fit the draft; nothing was saved',
          imported.problems.map((p) => ({
            path: p.unit ? `body.${p.unit}` : 'body',
            line: p.line,
            message: p.message,
          })),
        );
      const now = this.clock.now();
      for (const asset of draft.assets) {
        const targets = imported.targets.get(asset.id);
        if (isTranslatable(asset) && targets) putTranslation(asset, target, targets, 'xliff', now);
      }
    });
  }

  /** Every asset's variant in `language` taken out of the draft (a version already published keeps its own). */
  removeLanguage(actor: Actor, id: string, language: string, ifRevision?: number): Promise<CampaignView> {
    return this.drafts.edit(actor, id, ifRevision, (draft) => {
      const tag = canonicalLanguage(language);
      let found = false;
      for (const asset of draft.assets) {
        if (!tag || !asset.variants?.[tag]) continue;
        const rest = Object.fromEntries(Object.entries(asset.variants).filter(([key]) => key !== tag));
        found = true;
        if (Object.keys(rest).length) (asset as { variants?: object }).variants = rest;
        else delete asset.variants;
      }
      if (!found) throw new NotFoundError('Language');
    });
  }
}

/** `tag` canonical, refused at `path` when it is not BCP 47 or is the campaign's own language. */
export function otherLanguage(
  tag: string,
  campaignLanguage: string,
  path: string,
  Refusal: typeof BadRequestError | typeof InvalidError,
): string {
  const problem = (message: string) => new Refusal('The request is invalid', [{ path, message }]);
  const target = canonicalLanguage(tag);
  if (!target) throw problem(`${path} must be a BCP 47 language tag, such as de, fr-CA or pt-BR`);
  if (target.toLowerCase() === campaignLanguage.toLowerCase())
    throw problem(`${path} must differ from the campaign's own language (${campaignLanguage})`);
  return target;
}

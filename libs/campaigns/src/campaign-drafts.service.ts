import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import {
  Asset,
  CampaignContent,
  EmailAsset,
  LinkDefinition,
  PageAsset,
  PdfAsset,
  SlotDefinition,
  SocialAsset,
} from '@tcma/campaign-model';
import { ConflictError, InvalidError, NotFoundError, PreconditionFailedError } from '@tcma/errors';
import type { Problem } from '@tcma/errors';
import { CampaignRow } from '@tcma/persistence';
import { Actor, scopeOf } from '@tcma/tenancy';
import { randomUUID } from 'node:crypto';
import { checkCampaignContent, LIMITS as CAMPAIGN_LIMITS } from './campaign-rules';
import { CampaignView, campaignView } from './campaign-views';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { AssetFiles } from './asset-files.service';
import { CampaignReviewsRepository } from './campaign-reviews.repository';
import { pageVariantsOf, pdfVariantsOf, socialVariantsOf, VariantContext } from './collateral-variant-inputs';
import {
  assetOf,
  EmailAssetInput,
  MetadataInput,
  PageAssetInput,
  PdfAssetInput,
  pickEmail,
  pickPage,
  pickPdfRect,
  pickRect,
  pickSlot,
  replaceAsset,
  SequenceInput,
  sequenceOf,
  SocialAssetInput,
} from './draft-inputs';

/** Concurrent edits are retried this often before the caller is told to try again. */
const SAVE_ATTEMPTS = 3;

type Mutation = (draft: CampaignContent) => Promise<void> | void;

/** An asset just added to a draft, and the campaign as it now is (its revision for the next If-Match). */
export interface AddedAsset {
  asset: Asset;
  campaign: CampaignView;
}

/**
 * Every change to a campaign's content goes through a draft: editing a published campaign
 * opens one from its latest version. Each change is checked as a whole before it is saved,
 * so an invalid edit saves nothing; a concurrent edit is detected by the draft revision.
 */
@Injectable()
export class CampaignDraftsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly campaignsService: CampaignsService,
    private readonly assetFiles: AssetFiles,
    private readonly reviews: CampaignReviewsRepository,
    private readonly clock: Clock,
  ) {}

  updateMetadata(actor: Actor, id: string, input: MetadataInput, ifRevision?: number): Promise<CampaignView> {
    return this.edit(actor, id, ifRevision, (draft) => {
      if (input.name !== undefined) draft.name = input.name.trim();
      if (input.description !== undefined) draft.description = input.description;
      if (input.tags !== undefined) draft.tags = input.tags.map((t) => t.trim());
      if (input.language !== undefined) draft.language = input.language;
      if (input.eligibility !== undefined)
        draft.eligibility = { tiers: input.eligibility.tiers, regions: input.eligibility.regions };
    });
  }

  putSlots(actor: Actor, id: string, slots: SlotDefinition[], ifRevision?: number): Promise<CampaignView> {
    return this.edit(actor, id, ifRevision, (draft) => {
      draft.slots = slots.map(pickSlot);
    });
  }

  putLinks(actor: Actor, id: string, links: LinkDefinition[], ifRevision?: number): Promise<CampaignView> {
    return this.edit(actor, id, ifRevision, (draft) => {
      draft.links = links.map((l) => ({ name: l.name, url: l.url }));
    });
  }

  addEmailAsset(actor: Actor, id: string, input: EmailAssetInput, ifRevision?: number): Promise<AddedAsset> {
    const assetId = randomUUID();
    return this.added(
      assetId,
      this.edit(actor, id, ifRevision, (draft) => {
        draft.assets.push({ id: assetId, kind: 'email', ...pickEmail(input) });
      }),
    );
  }

  updateEmailAsset(
    actor: Actor,
    id: string,
    assetId: string,
    input: EmailAssetInput,
    ifRevision?: number,
  ): Promise<CampaignView> {
    return this.edit(actor, id, ifRevision, (draft) => {
      replaceAsset(draft, assetId, 'email', (a) => ({ ...a, ...pickEmail(input) }));
    });
  }

  addPdfAsset(actor: Actor, id: string, input: PdfAssetInput, ifRevision?: number): Promise<AddedAsset> {
    const assetId = randomUUID();
    return this.added(
      assetId,
      this.edit(actor, id, ifRevision, async (draft) => {
        const asset: PdfAsset = {
          id: assetId,
          kind: 'pdf',
          name: input.name,
          file: await this.assetFiles.pdf(actor, input.fileId),
          slots: input.slots.map(pickPdfRect),
        };
        const variants = await pdfVariantsOf(input.variants, undefined, asset, this.pdfFiles(actor, draft));
        draft.assets.push(variants ? { ...asset, variants } : asset);
      }),
    );
  }

  updatePdfAsset(
    actor: Actor,
    id: string,
    assetId: string,
    input: PdfAssetInput,
    ifRevision?: number,
  ): Promise<CampaignView> {
    return this.edit(actor, id, ifRevision, async (draft) => {
      const file = await this.assetFiles.pdf(actor, input.fileId);
      const previous = assetOf(draft, assetId, 'pdf');
      const { variants: _old, ...rest } = previous;
      const next: PdfAsset = { ...rest, name: input.name, file, slots: input.slots.map(pickPdfRect) };
      const variants = await pdfVariantsOf(input.variants, previous, next, this.pdfFiles(actor, draft));
      replaceAsset(draft, assetId, 'pdf', () => (variants ? { ...next, variants } : next));
    });
  }

  addSocialAsset(actor: Actor, id: string, input: SocialAssetInput, ifRevision?: number): Promise<AddedAsset> {
    const assetId = randomUUID();
    return this.added(
      assetId,
      this.edit(actor, id, ifRevision, async (draft) => {
        const asset: SocialAsset = {
          id: assetId,
          kind: 'social',
          name: input.name,
          image: await this.assetFiles.image(actor, input.fileId),
          slots: input.slots.map(pickRect),
          copy: { ...input.copy },
        };
        const variants = await socialVariantsOf(input.variants, undefined, asset, this.imageFiles(actor, draft));
        draft.assets.push(variants ? { ...asset, variants } : asset);
      }),
    );
  }

  addPageAsset(actor: Actor, id: string, input: PageAssetInput, ifRevision?: number): Promise<AddedAsset> {
    const assetId = randomUUID();
    return this.added(
      assetId,
      this.edit(actor, id, ifRevision, (draft) => {
        const asset: PageAsset = { id: assetId, kind: 'page', ...pickPage(input) };
        const variants = pageVariantsOf(input.variants, undefined, asset, this.variantClock(draft));
        draft.assets.push(variants ? { ...asset, variants } : asset);
      }),
    );
  }

  updatePageAsset(
    actor: Actor,
    id: string,
    assetId: string,
    input: PageAssetInput,
    ifRevision?: number,
  ): Promise<CampaignView> {
    return this.edit(actor, id, ifRevision, (draft) => {
      const previous = assetOf(draft, assetId, 'page');
      const { variants: _old, ...rest } = previous;
      const next: PageAsset = { ...rest, ...pickPage(input) };
      const variants = pageVariantsOf(input.variants, previous, next, this.variantClock(draft));
      replaceAsset(draft, assetId, 'page', () => (variants ? { ...next, variants } : next));
    });
  }

  /** The asset an edit added, with the draft revision it made. */
  private async added(assetId: string, edited: Promise<CampaignView>): Promise<AddedAsset> {
    const view = await edited;
    const asset = view.draft?.assets.find((a) => a.id === assetId);
    if (!asset) throw new Error(`Asset ${assetId} is missing from the draft it was added to`);
    return { asset, campaign: view };
  }

  updateSocialAsset(
    actor: Actor,
    id: string,
    assetId: string,
    input: SocialAssetInput,
    ifRevision?: number,
  ): Promise<CampaignView> {
    return this.edit(actor, id, ifRevision, async (draft) => {
      const image = await this.assetFiles.image(actor, input.fileId);
      const previous = assetOf(draft, assetId, 'social');
      const { variants: _old, ...rest } = previous;
      const next: SocialAsset = {
        ...rest,
        name: input.name,
        image,
        slots: input.slots.map(pickRect),
        copy: { ...input.copy },
      };
      const variants = await socialVariantsOf(input.variants, previous, next, this.imageFiles(actor, draft));
      replaceAsset(draft, assetId, 'social', () => (variants ? { ...next, variants } : next));
    });
  }

  private variantClock(draft: CampaignContent) {
    return { campaignLanguage: draft.language, now: this.clock.now() };
  }

  private pdfFiles(actor: Actor, draft: CampaignContent): VariantContext<PdfAsset['file']> {
    return {
      campaignLanguage: draft.language,
      now: this.clock.now(),
      file: (fileId, path) => this.assetFiles.pdf(actor, fileId, path),
    };
  }

  private imageFiles(actor: Actor, draft: CampaignContent): VariantContext<SocialAsset['image']> {
    return {
      campaignLanguage: draft.language,
      now: this.clock.now(),
      file: (fileId, path) => this.assetFiles.image(actor, fileId, path),
    };
  }

  deleteAsset(actor: Actor, id: string, assetId: string, ifRevision?: number): Promise<CampaignView> {
    return this.edit(actor, id, ifRevision, (draft) => {
      const index = draft.assets.findIndex((a) => a.id === assetId);
      if (index < 0) throw new NotFoundError('Asset');
      const usedBy = draft.sequence?.steps.findIndex((s) => s.emailAssetId === assetId) ?? -1;
      if (usedBy >= 0)
        throw new ConflictError(`The asset is used by step ${usedBy + 1} of the sequence; change the sequence first`);
      draft.assets.splice(index, 1);
    });
  }

  putSequence(actor: Actor, id: string, input: SequenceInput | null, ifRevision?: number): Promise<CampaignView> {
    return this.edit(actor, id, ifRevision, (draft) => {
      draft.sequence = input && sequenceOf(input);
    });
  }

  /** The campaign and its working content (the draft, or the latest version when every change is published), read only. */
  async current(actor: Actor, id: string): Promise<{ campaign: CampaignRow; content: CampaignContent }> {
    const campaign = await this.campaignsService.findForVendor(actor, id);
    return { campaign, content: await this.openDraft(actor, campaign) };
  }

  /**
   * What adding this email to the draft (or, given `assetId`, replacing that email) would give,
   * saving nothing: the content it would make and the problems the save would answer 422 with.
   */
  async tryEmail(
    actor: Actor,
    id: string,
    input: EmailAssetInput,
    assetId?: string,
  ): Promise<{ campaign: CampaignRow; content: CampaignContent; asset: EmailAsset; problems: Problem[] }> {
    const { campaign, content } = await this.current(actor, id);
    const asset: EmailAsset = { id: assetId ?? randomUUID(), kind: 'email', ...pickEmail(input) };
    if (assetId) replaceAsset(content, assetId, 'email', (a) => ({ ...a, ...pickEmail(input) }));
    else content.assets.push(asset);
    const index = content.assets.findIndex((a) => a.id === asset.id);
    return { campaign, content, asset, problems: await checkCampaignContent(content, 'save', { changedAsset: index }) };
  }

  /**
   * The draft with this page in it (in place of `assetId`'s, keeping that page's variants, or
   * added), and the problems saving it would answer 422 with; nothing is saved.
   */
  async tryPage(
    actor: Actor,
    id: string,
    input: PageAssetInput,
    assetId?: string,
  ): Promise<{ campaign: CampaignRow; content: CampaignContent; asset: PageAsset; problems: Problem[] }> {
    const { campaign, content } = await this.current(actor, id);
    const asset: PageAsset = { id: assetId ?? randomUUID(), kind: 'page', ...pickPage(input) };
    if (assetId) replaceAsset(content, assetId, 'page', (a) => ({ ...a, ...pickPage(input) }));
    else content.assets.push(asset);
    const index = content.assets.findIndex((a) => a.id === asset.id);
    return { campaign, content, asset, problems: await checkCampaignContent(content, 'save', { changedAsset: index }) };
  }

  /** The draft with this sequence (or its own), and the problems saving that sequence would answer 422 with. */
  async trySequence(
    actor: Actor,
    id: string,
    input?: SequenceInput,
  ): Promise<{ content: CampaignContent; problems: Problem[] }> {
    const { content } = await this.current(actor, id);
    if (!input) return { content, problems: [] };
    content.sequence = sequenceOf(input);
    return { content, problems: await checkCampaignContent(content, 'save', { changedAsset: null }) };
  }

  /** A new campaign (a draft, never published) with this one's current content, named "<name> (copy)". */
  async duplicate(actor: Actor, id: string): Promise<CampaignView> {
    const { content } = await this.current(actor, id);
    const name = `${content.name} (copy)`.slice(0, CAMPAIGN_LIMITS.nameLength);
    const draft: CampaignContent = { ...content, name };
    const problems = await checkCampaignContent(draft, 'save');
    if (problems.length) throw new InvalidError('The copy would be invalid', problems);
    return campaignView(await this.campaigns.create(scopeOf(actor), { name, draft, createdBy: actor.userId }));
  }

  /**
   * One change to the draft (opened from the latest version when there is none), checked as a
   * whole and saved at the next revision, or refused with nothing saved.
   */
  async edit(actor: Actor, id: string, ifRevision: number | undefined, mutate: Mutation): Promise<CampaignView> {
    for (let attempt = 1; ; attempt++) {
      const campaign = await this.campaignsService.findForVendor(actor, id);
      if (campaign.status === 'archived')
        throw new ConflictError('The campaign is archived; restore it before editing');
      if (ifRevision !== undefined && ifRevision !== campaign.draftRevision) {
        throw new PreconditionFailedError(
          `The campaign changed since revision ${ifRevision}; it is now at revision ${campaign.draftRevision}`,
        );
      }
      const draft = await this.openDraft(actor, campaign);
      await mutate(draft);
      const problems = await checkCampaignContent(draft, 'save');
      if (problems.length)
        throw new InvalidError('The change would make the campaign invalid; nothing was saved', problems);
      const revision = await this.campaigns.saveDraft(scopeOf(actor), campaign.id, draft, campaign.draftRevision);
      if (revision !== null) {
        // A review asked for the revision before this edit no longer approves what would be published.
        await this.reviews.voidOutdated(scopeOf(actor), campaign.id, revision, actor.userId, this.clock.now());
        return campaignView({ ...campaign, draft, name: draft.name, draftRevision: revision, updatedAt: new Date() });
      }
      if (ifRevision !== undefined || attempt >= SAVE_ATTEMPTS)
        throw new ConflictError('The campaign was changed by someone else at the same time; reload and try again');
    }
  }

  /** The working draft, or a new one copied from the latest published version. */
  private async openDraft(actor: Actor, campaign: CampaignRow): Promise<CampaignContent> {
    if (campaign.draft) return structuredClone(campaign.draft);
    const latest = campaign.latestVersion
      ? await this.campaigns.findVersion(scopeOf(actor), campaign.id, campaign.latestVersion)
      : null;
    if (!latest) throw new ConflictError('The campaign has neither a draft nor a published version');
    // The version's choices for its incomplete languages were for that publication: the next one asks again.
    const { languageChoices: _published, ...content } = structuredClone(latest.content);
    return content;
  }
}

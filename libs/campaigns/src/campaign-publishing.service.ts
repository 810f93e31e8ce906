import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, Optional } from '@nestjs/common';
import type { CampaignContent, LanguageChoice } from '@tcma/campaign-model';
import { LANGUAGE_CHOICES } from '@tcma/campaign-model';
import { Clock } from '@tcma/clock';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '@tcma/errors';
import type { Problem } from '@tcma/errors';
import { FanOutProgrammeVersionJob, jobOptions, JobName, QueueName, traced } from '@tcma/queue';
import type { CampaignRow, CampaignVersionRow, Tx } from '@tcma/persistence';
import { Actor, scopeOf, VendorsRepository } from '@tcma/tenancy';
import { collateralVariantState, incompleteLanguages, variantState } from '@tcma/translation';
import type { Queue } from 'bullmq';
import { checkCampaignContent } from './campaign-rules';
import { CampaignReviewsRepository } from './campaign-reviews.repository';
import { CampaignVersionView, versionView } from './campaign-views';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

export interface ValidationReport {
  valid: boolean;
  problems: Problem[];
}

/** Checks a draft for publication and freezes it as the next numbered, immutable version. */
@Injectable()
export class CampaignPublishingService {
  private readonly logger = new Logger(CampaignPublishingService.name);

  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly campaignsService: CampaignsService,
    private readonly reviews: CampaignReviewsRepository,
    private readonly vendors: VendorsRepository,
    private readonly clock: Clock,
    // Absent where no queues are configured (the CLI's seed): the programme sweep offers the version later.
    @Optional() @InjectQueue(QueueName.Programmes) private readonly programmes?: Queue,
  ) {}

  async validate(actor: Actor, id: string): Promise<ValidationReport> {
    const campaign = await this.campaignsService.findForVendor(actor, id);
    const content =
      campaign.draft ??
      (campaign.latestVersion
        ? (await this.campaigns.findVersion(scopeOf(actor), campaign.id, campaign.latestVersion))?.content
        : null);
    if (!content) throw new NotFoundError('Campaign content');
    const problems = await checkCampaignContent(content, 'publish');
    return { valid: problems.length === 0, problems };
  }

  /**
   * `languages`: for each language not ready in every email (incompleteLanguages), what the
   * version does with it: `fallback` or `hold`. One missing is a 422 at `languages.<tag>`
   * (code `language_incomplete`) saying what is not ready; the choices are recorded on the version.
   * Where the vendor requires approval, a marketer cannot publish: it asks for a review instead.
   */
  async publish(actor: Actor, id: string, languages: Record<string, string> = {}): Promise<CampaignVersionView> {
    if (actor.role === 'vendor_marketer' && (await this.approvalRequired(actor)))
      throw new ForbiddenError(
        "This vendor publishes campaigns through a review: ask for one, and an approver's approval publishes the draft",
      );
    const { campaign, choices } = await this.checkedDraft(actor, id, languages);
    const saved = await this.campaigns.publishDraft(
      scopeOf(actor),
      campaign.id,
      campaign.draftRevision,
      actor.userId,
      choices,
    );
    // Someone changed the draft while it was being checked: only what was checked is published.
    if (!saved) throw new ConflictError('The draft changed while it was being published; try again');
    // A review pending for this draft is void: what it was for is published, or has changed.
    const next = campaign.draftRevision + 1;
    await this.reviews.voidOutdated(scopeOf(actor), campaign.id, next, actor.userId, this.clock.now());
    await this.offerToProgrammes(saved.id);
    return versionView(saved);
  }

  /** Whether the actor's vendor publishes only through reviews. */
  async approvalRequired(actor: Actor): Promise<boolean> {
    return (await this.vendors.find(scopeOf(actor)))?.publishApproval ?? false;
  }

  /**
   * The campaign's draft as publishing would check it: a 409 when archived or nothing is
   * drafted, a 422 with every problem (the language choices' among them).
   */
  async checkedDraft(
    actor: Actor,
    id: string,
    languages: Record<string, string>,
  ): Promise<{ campaign: CampaignRow & { draft: CampaignContent }; choices: Record<string, LanguageChoice> | null }> {
    const found = await this.campaignsService.findForVendor(actor, id);
    if (found.status === 'archived') throw new ConflictError('The campaign is archived; restore it before publishing');
    const draft = found.draft;
    if (!draft) throw new ConflictError('There is no draft to publish; the latest version is already published');
    const problems = await checkCampaignContent(draft, 'publish');
    const choices = languageChoicesOf(draft, languages, problems);
    if (problems.length) throw new InvalidError('The draft cannot be published', problems);
    return { campaign: { ...found, draft }, choices };
  }

  /**
   * Publishes exactly `revision` of the draft (an approved review's), checked again as it is
   * now, in the caller's transaction; null when the draft is no longer that revision.
   * The caller offers the version to programmes (offerVersion) once it has committed.
   */
  async publishRevision(
    actor: Actor,
    id: string,
    revision: number,
    languages: Record<string, string>,
    within: Tx,
  ): Promise<CampaignVersionRow | null> {
    const { campaign, choices } = await this.checkedDraft(actor, id, languages);
    if (campaign.draftRevision !== revision) return null;
    return this.campaigns.publishDraft(scopeOf(actor), campaign.id, revision, actor.userId, choices, within);
  }

  /** Offers a version published in a caller's transaction to programme subscribers, after it committed. */
  offerVersion(campaignVersionId: string): Promise<void> {
    return this.offerToProgrammes(campaignVersionId);
  }

  /**
   * Queues the offer of the new version to every programme subscriber (one job per version). A
   * failure here does not undo the publication: the programme sweep finds versions never offered.
   */
  private async offerToProgrammes(campaignVersionId: string): Promise<void> {
    if (!this.programmes) return;
    const job: FanOutProgrammeVersionJob = traced({ campaignVersionId });
    await this.programmes
      .add(JobName.FanOutProgrammeVersion, job, jobOptions[JobName.FanOutProgrammeVersion](campaignVersionId))
      .catch((e: Error) =>
        this.logger.warn(
          `Version ${campaignVersionId}: programme offer not queued (${e.message}); the programme sweep will offer it`,
        ),
      );
  }
}

/**
 * The publisher's choice for each incomplete language, checked: every incomplete language needs
 * one, and only those take one. Problems are added to `problems`; null when there is nothing to record.
 */
function languageChoicesOf(
  draft: CampaignContent,
  asked: Record<string, string>,
  problems: Problem[],
): Record<string, LanguageChoice> | null {
  const incomplete = incompleteLanguages(draft);
  const choices: Record<string, LanguageChoice> = {};
  for (const { language, emails, assets } of incomplete) {
    const choice = asked[language];
    if ((LANGUAGE_CHOICES as readonly string[]).includes(choice)) {
      choices[language] = choice as LanguageChoice;
      continue;
    }
    const count = (state: string) => emails.filter((e) => variantState(e, language) === state).length;
    const unreviewed = emails.filter((e) => variantState(e, language) === 'current').length;
    const what = [
      [count('missing'), 'missing'],
      [count('stale'), 'stale (its email changed after it was translated)'],
      [unreviewed, "a model's draft not yet reviewed"],
    ]
      .filter(([n]) => n)
      .map(([n, label]) => `${n} ${n === 1 ? 'email' : 'emails'} ${label}`)
      .concat(
        (
          [
            ['stale', 'stale (its default changed after it was translated)'],
            ['current', "a model's draft not yet reviewed"],
          ] as const
        ).flatMap(([state, label]) => {
          const named = assets.filter((a) => collateralVariantState(a, language) === state);
          return named.length ? [`${named.map((a) => a.name).join(', ')} ${label}`] : [];
        }),
      )
      .join(', ');
    problems.push({
      path: `languages.${language}`,
      code: 'language_incomplete',
      message: `${language} is not ready (${what}): choose fallback (those go out in ${draft.language}) or hold (${language} is held back)`,
    });
  }
  for (const language of Object.keys(asked))
    if (!incomplete.some((l) => l.language === language))
      problems.push({
        path: `languages.${language}`,
        message: `${language} is not an incomplete language of the draft: only those take a choice`,
      });
  return Object.keys(choices).length ? choices : null;
}

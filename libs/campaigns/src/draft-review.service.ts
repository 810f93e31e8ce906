import { Injectable } from '@nestjs/common';
import { TemplateVocabularyList, vocabularyEntries } from '@tcma/cobrand';
import { InvalidError } from '@tcma/errors';
import { isValidTimeZone } from '@tcma/sequences';
import { Actor, scopeOf } from '@tcma/tenancy';
import { CampaignDraftsService } from './campaign-drafts.service';
import type { SequenceInput } from './draft-inputs';
import { CampaignsRepository } from './campaigns.repository';
import { diffCampaignContent, DraftChanges } from './draft-changes';
import { draftTimeline, TimelineStep } from './draft-timeline';

export interface TimelineInput {
  start: Date;
  timeZone: string;
  /** A sequence to try instead of the draft's own (nothing is saved). */
  sequence?: SequenceInput;
}

export interface DraftTimeline {
  start: Date;
  timeZone: string;
  steps: TimelineStep[];
}

/** Read-only answers about a draft for the editor: its timeline and what publishing it would change. */
@Injectable()
export class DraftReviewService {
  constructor(
    private readonly drafts: CampaignDraftsService,
    private readonly campaigns: CampaignsRepository,
  ) {}

  async timeline(actor: Actor, id: string, input: TimelineInput): Promise<DraftTimeline> {
    const { content, problems } = await this.drafts.trySequence(actor, id, input.sequence);
    if (!isValidTimeZone(input.timeZone))
      problems.push({
        path: 'timeZone',
        message: `"${input.timeZone}" is not an IANA time zone such as Europe/Warsaw or America/New_York`,
      });
    if (!content.sequence)
      problems.push({ path: 'sequence', message: 'the draft has no sequence: send one to see its timeline' });
    if (problems.length || !content.sequence) throw new InvalidError('The timeline cannot be computed', problems);
    return {
      start: input.start,
      timeZone: input.timeZone,
      steps: draftTimeline(content.sequence, content.assets, input.start, input.timeZone),
    };
  }

  /** What the draft's templates may name (its slots, the prospect fields, its links) and the mandatory footer, for the editor. */
  async vocabulary(actor: Actor, id: string): Promise<TemplateVocabularyList> {
    const { content } = await this.drafts.current(actor, id);
    return vocabularyEntries(content);
  }

  async changes(actor: Actor, id: string): Promise<DraftChanges> {
    const { campaign, content } = await this.drafts.current(actor, id);
    const latest = campaign.latestVersion
      ? await this.campaigns.findVersion(scopeOf(actor), campaign.id, campaign.latestVersion)
      : null;
    return diffCampaignContent(latest && { version: latest.version, content: latest.content }, content);
  }
}

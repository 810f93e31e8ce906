import { Injectable } from '@nestjs/common';
import {
  AssistantService,
  preheadersPrompt,
  rewriteParagraphPrompt,
  socialCopyPrompt,
  subjectLinesPrompt,
} from '@tcma/assistant';
import {
  PREHEADER_MAX_LENGTH,
  SOCIAL_COPY_LIMITS,
  countSocialCopy,
  SocialNetwork,
  SUBJECT_MAX_LENGTH,
} from '@tcma/campaign-model';
import { InvalidError, NotFoundError } from '@tcma/errors';
import { Actor } from '@tcma/tenancy';
import { CampaignDraftsService } from './campaign-drafts.service';

/** What a marketer may ask the assistant for while editing an email or a social asset. */
export type SuggestionRequest =
  | { purpose: 'subject_lines'; assetId: string }
  | { purpose: 'preheaders'; assetId: string }
  | { purpose: 'rewrite_paragraph'; assetId: string; paragraph: string; instruction?: string }
  | { purpose: 'social_copy'; assetId: string; network: SocialNetwork };

export interface Suggestions {
  callId: string;
  model: string;
  /** Options already within the field's limits and placeholders; nothing is written to the draft. */
  options: string[];
}

/** Options asked for at once: enough to choose from, few enough to read. */
export const SUGGESTION_COUNT = 3;

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const placeholdersOf = (text: string): string[] => [...new Set(text.match(PLACEHOLDER) ?? [])];

/**
 * The editors' suggestions: subject lines, preheaders and other wordings of a paragraph of an
 * email, post copy for a social asset's network, from the configured model (off unless it is
 * configured: 503). The prompt carries the draft's copy and the campaign's name and description,
 * never a prospect's or a partner's data. Each option is checked before it is offered: within the
 * field's length (a network's copy as that network counts it), no placeholder the material does
 * not hold, and a rewritten paragraph keeps every placeholder it had; others are left out. Nothing
 * is saved: the editor puts a chosen option in its field, and the marketer saves it or not.
 */
@Injectable()
export class CampaignSuggestionsService {
  constructor(
    private readonly drafts: CampaignDraftsService,
    private readonly assistant: AssistantService,
  ) {}

  async suggest(actor: Actor, campaignId: string, request: SuggestionRequest): Promise<Suggestions> {
    const { content } = await this.drafts.current(actor, campaignId);
    const campaign = { name: content.name, description: content.description, language: content.language };
    const asset = content.assets.find((a) => a.id === request.assetId);
    if (!asset) throw new NotFoundError('Asset');
    const count = SUGGESTION_COUNT;

    if (request.purpose === 'social_copy') {
      if (asset.kind !== 'social') throw wrongKind('a social asset', request.purpose);
      const copy = asset.copy[request.network] ?? '';
      const answer = await this.assistant.options(
        actor,
        socialCopyPrompt({
          campaign,
          network: request.network,
          limit: SOCIAL_COPY_LIMITS[request.network],
          copy,
          count,
        }),
      );
      const allowed = new Set(placeholdersOf(copy));
      return keep(
        answer,
        (o) =>
          countSocialCopy(request.network, o).length <= SOCIAL_COPY_LIMITS[request.network] && onlyFrom(o, allowed),
      );
    }

    if (asset.kind !== 'email') throw wrongKind('an email', request.purpose);
    const email = { subject: asset.subject, preheader: asset.preheader, mjml: asset.mjml };
    const material = new Set(placeholdersOf(`${email.subject} ${email.preheader} ${email.mjml}`));
    if (request.purpose === 'subject_lines') {
      const answer = await this.assistant.options(
        actor,
        subjectLinesPrompt({ campaign, email, count, maxLength: SUBJECT_MAX_LENGTH }),
      );
      return keep(answer, (o) => o.length <= SUBJECT_MAX_LENGTH && onlyFrom(o, material));
    }
    if (request.purpose === 'preheaders') {
      const answer = await this.assistant.options(
        actor,
        preheadersPrompt({ campaign, email, count, maxLength: PREHEADER_MAX_LENGTH }),
      );
      return keep(answer, (o) => o.length <= PREHEADER_MAX_LENGTH && onlyFrom(o, material));
    }
    const paragraph = request.paragraph.trim();
    const kept = placeholdersOf(paragraph);
    const answer = await this.assistant.options(
      actor,
      rewriteParagraphPrompt({ campaign, paragraph, instruction: request.instruction ?? '', count }),
    );
    // A wording is offered only with the paragraph's own placeholders, each still there.
    return keep(answer, (o) => {
      const own = placeholdersOf(o);
      return own.length === kept.length && kept.every((p) => own.includes(p));
    });
  }
}

function keep(answer: Suggestions, fits: (option: string) => boolean): Suggestions {
  const options = answer.options.map((o) => o.trim()).filter((o) => o && fits(o));
  return { callId: answer.callId, model: answer.model, options: [...new Set(options)] };
}

const onlyFrom = (option: string, allowed: ReadonlySet<string>): boolean =>
  placeholdersOf(option).every((p) => allowed.has(p));

const wrongKind = (kind: string, purpose: string) =>
  new InvalidError(`${purpose} suggestions are for ${kind}`, [{ path: 'assetId', message: `is not ${kind}` }]);

import { Injectable } from '@nestjs/common';
import {
  AssistantService,
  preheadersPrompt,
  rewriteParagraphPrompt,
  socialCopyPrompt,
  subjectLinesPrompt,
} from '@tcma/assistant';
import { PREHEADER_MAX_LENGTH, SOCIAL_COPY_LIMITS, SocialNetwork, SUBJECT_MAX_LENGTH } from '@tcma/campaign-model';
import { checkTextTemplate, PREHEADER_RULES, SUBJECT_RULES, TextTemplateRules, vocabularyOf } from '@tcma/cobrand';
import { InvalidError, NotFoundError } from '@tcma/errors';
import { Actor } from '@tcma/tenancy';
import { CampaignDraftsService } from './campaign-drafts.service';
import { checkSocialCopy } from './social-copy-rules';

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
const TAG = /<[^<>]*>/g;
/** What a rewording must keep as it is: the placeholders and the markup tags (each once, whatever their count). */
const protectedParts = (text: string): string[] => [...new Set([...placeholdersOf(text), ...(text.match(TAG) ?? [])])];

/**
 * The editors' suggestions: subject lines, preheaders and other wordings of a paragraph of an
 * email, post copy for a social asset's network, from the configured model (off unless it is
 * configured: 503). The prompt carries the draft's copy and the campaign's name and description,
 * never a prospect's or a partner's data. Each option is checked before it is offered: within the
 * field's rules as a save checks them (a subject's length and single line, no {{#if}} left open, a
 * network's copy within its limit with the longest partner values), no placeholder the material does
 * not hold, and a rewritten paragraph keeps every placeholder and markup tag it had and adds none;
 * others are left out. Nothing is saved: the editor puts a chosen option in its field, and the
 * marketer saves it or not.
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
    const vocabulary = vocabularyOf(content);

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
      // As the save checks it: within the network's limit even with the longest partner values.
      return keep(
        answer,
        (o) => onlyFrom(o, allowed) && checkSocialCopy({ [request.network]: o }, vocabulary, 'copy').length === 0,
      );
    }

    if (asset.kind !== 'email') throw wrongKind('an email', request.purpose);
    const email = { subject: asset.subject, preheader: asset.preheader, mjml: asset.mjml };
    // An option is offered only if the save would take it: no block left open, a single line, short enough.
    const saves = (option: string, rules: TextTemplateRules) =>
      checkTextTemplate(option, vocabulary, rules).problems.length === 0;
    const material = new Set(placeholdersOf(`${email.subject} ${email.preheader} ${email.mjml}`));
    if (request.purpose === 'subject_lines') {
      const answer = await this.assistant.options(
        actor,
        subjectLinesPrompt({ campaign, email, count, maxLength: SUBJECT_MAX_LENGTH }),
      );
      return keep(answer, (o) => onlyFrom(o, material) && saves(o, SUBJECT_RULES));
    }
    if (request.purpose === 'preheaders') {
      const answer = await this.assistant.options(
        actor,
        preheadersPrompt({ campaign, email, count, maxLength: PREHEADER_MAX_LENGTH }),
      );
      return keep(answer, (o) => onlyFrom(o, material) && saves(o, PREHEADER_RULES));
    }
    const paragraph = request.paragraph.trim();
    const kept = protectedParts(paragraph);
    const answer = await this.assistant.options(
      actor,
      rewriteParagraphPrompt({ campaign, paragraph, instruction: request.instruction ?? '', count }),
    );
    // A wording is offered only with the paragraph's own placeholders and tags, each still there
    // exactly, and no other: it replaces the paragraph in the template as it stands.
    return keep(answer, (o) => {
      const own = protectedParts(o);
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

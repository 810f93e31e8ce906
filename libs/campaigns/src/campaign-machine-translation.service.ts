import { Injectable } from '@nestjs/common';
import { AssistantService, parseSegments, translationPrompt } from '@tcma/assistant';
import { Clock } from '@tcma/clock';
import { ConflictError, InvalidError, NotFoundError, Problem, UnavailableError } from '@tcma/errors';
import { Actor } from '@tcma/tenancy';
import {
  canonicalLanguage,
  copyDigestOf,
  copyFileOf,
  isTranslatable,
  putTranslation,
  targetProblems,
} from '@tcma/translation';
import { CampaignDraftsService } from './campaign-drafts.service';
import { otherLanguage } from './campaign-translations.service';
import { CampaignView } from './campaign-views';

/**
 * A model's translation of the draft's emails, social posts and pages into a language, saved as
 * variants marked `machine` and not reviewed until a person approves them (approve). Only the
 * campaign's copy is sent (the XLIFF units: subject, preheader, the MJML's text with tags as [n]
 * codes, a post's copy, a page's title, text and form words), never a prospect's data; every answer is checked as a translator's file is (placeholders and codes
 * kept, none added), and one bad segment refuses the whole translation, named at its segment.
 */
@Injectable()
export class CampaignMachineTranslationService {
  constructor(
    private readonly drafts: CampaignDraftsService,
    private readonly assistant: AssistantService,
    private readonly clock: Clock,
  ) {}

  /**
   * One call to the model per email, post and page with words (its budget and rate limit apply
   * to each; the calls made are recorded whatever follows). Nothing is saved unless every segment
   * of every asset passes and the assets are still as they were sent: an edit meanwhile is a 409.
   */
  async translate(actor: Actor, id: string, language: string, ifRevision?: number): Promise<CampaignView> {
    const { content } = await this.drafts.current(actor, id);
    const target = otherLanguage(language, content.language, 'language', InvalidError);
    const assets = content.assets.flatMap((a, index) => (isTranslatable(a) ? [{ asset: a, index }] : []));
    if (!assets.some(({ asset }) => asset.kind === 'email'))
      throw new InvalidError('The campaign has no email to translate', [{ path: 'assets', message: 'has no email' }]);

    const translated = new Map<string, { digest: string; targets: Map<string, string> }>();
    const problems: Problem[] = [];
    for (const { asset, index } of assets) {
      const file = copyFileOf(asset);
      if (!file.units.length) {
        // An email without words still gets its variant (its copy as it is); a post or page keeps the default's.
        if (asset.kind === 'email') translated.set(asset.id, { digest: copyDigestOf(asset), targets: new Map() });
        continue;
      }
      const answer = await this.assistant.complete(
        actor,
        translationPrompt({
          from: content.language,
          to: target,
          segments: file.units.map((u) => ({ id: u.id, text: u.source.text })),
        }),
      );
      const segments = parseAnswer(answer.text);
      const targets = new Map<string, string>();
      for (const unit of file.units) {
        const path = `assets[${index}].segments.${unit.id}`;
        const text = segments[unit.id];
        if (text === undefined) {
          problems.push({ path, message: 'The model gave no translation of this segment' });
          continue;
        }
        for (const message of targetProblems(unit.source.text, text)) problems.push({ path, message });
        targets.set(unit.id, text);
      }
      translated.set(asset.id, { digest: copyDigestOf(asset), targets });
    }
    if (problems.length)
      throw new InvalidError(
        "The model's translation was refused: it changed placeholders or codes; nothing was saved. Try again, or translate these segments by hand.",
        problems,
      );

    const now = this.clock.now();
    return this.drafts.edit(actor, id, ifRevision, (draft) => {
      for (const asset of draft.assets) {
        const done = translated.get(asset.id);
        if (!isTranslatable(asset) || !done) continue;
        if (copyDigestOf(asset) !== done.digest)
          throw new ConflictError(
            `The ${asset.kind === 'social' ? 'social post' : asset.kind} "${asset.name}" changed while it was being translated; nothing was saved: translate again`,
          );
        putTranslation(asset, target, done.targets, 'machine', now);
      }
    });
  }

  /** A person approves the model's drafts in `language`: every asset's machine variant in it is marked reviewed by them. */
  approve(actor: Actor, id: string, language: string, ifRevision?: number): Promise<CampaignView> {
    const at = this.clock.now().toISOString();
    const tag = canonicalLanguage(language) ?? language;
    return this.drafts.edit(actor, id, ifRevision, (draft) => {
      const variants = draft.assets.flatMap((a) => {
        const variant = a.variants?.[tag];
        return variant ? [variant] : [];
      });
      if (!variants.length) throw new NotFoundError('Language');
      for (const variant of variants)
        if (variant.origin === 'machine' && !variant.review) variant.review = { by: actor.userId, at };
    });
  }
}

/** The model's segments; an answer not in the form asked is the model's failure (503), as for any assistant call. */
function parseAnswer(text: string): Record<string, string> {
  try {
    return parseSegments(text);
  } catch {
    throw new UnavailableError(
      'The assistant did not answer in the form asked; nothing was saved. Try again in a moment.',
    );
  }
}

import { SOCIAL_COPY_LIMITS, SocialNetwork } from '@tcma/campaign-model';
import { handlebars, RECIPIENT_COMPILE_OPTIONS } from '../template/handlebars-env';

export class SocialCopyTooLongError extends Error {}

/**
 * Post copy with the partner's values filled in (as data: a value is never compiled), held
 * to each network's limit. Authoring already refuses copy that could exceed a limit with the
 * longest values the slots allow, so an overflow here is a bug and fails loudly.
 */
export function renderSocialCopy(copy: Partial<Record<SocialNetwork, string>>, values: ReadonlyMap<string, string | null>): Partial<Record<SocialNetwork, string>> {
  const partner = Object.create(null) as Record<string, string | null>;
  for (const [name, value] of values) partner[name] = value;
  const out: Partial<Record<SocialNetwork, string>> = {};
  for (const [network, template] of Object.entries(copy) as Array<[SocialNetwork, string]>) {
    const text = handlebars.compile(template, { ...RECIPIENT_COMPILE_OPTIONS, noEscape: true })({ partner });
    const limit = SOCIAL_COPY_LIMITS[network];
    if ([...text].length > limit) throw new SocialCopyTooLongError(`${network} copy is ${[...text].length} characters; the limit is ${limit}`);
    out[network] = text;
  }
  return out;
}

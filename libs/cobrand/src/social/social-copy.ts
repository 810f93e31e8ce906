import { countSocialCopy, SOCIAL_COPY_LIMITS, SocialNetwork } from '@tcma/campaign-model';
import { handlebars, RECIPIENT_COMPILE_OPTIONS } from '../template/handlebars-env';

export class SocialCopyTooLongError extends Error {}

/** Post copy with the partner's values filled in (as data: a value is never compiled), whatever its length. */
export function fillSocialCopy(
  copy: Partial<Record<SocialNetwork, string>>,
  values: ReadonlyMap<string, string | null>,
): Partial<Record<SocialNetwork, string>> {
  const partner = Object.create(null) as Record<string, string | null>;
  for (const [name, value] of values) partner[name] = value;
  const out: Partial<Record<SocialNetwork, string>> = {};
  for (const [network, template] of Object.entries(copy) as Array<[SocialNetwork, string]>) {
    out[network] = handlebars.compile(template, { ...RECIPIENT_COMPILE_OPTIONS, noEscape: true })({ partner });
  }
  return out;
}

/**
 * Post copy with the partner's values filled in, held to each network's limit as the network
 * counts (countSocialCopy). Authoring already refuses copy that could exceed a limit with the
 * longest values the slots allow, so an overflow here is a bug and fails loudly.
 */
export function renderSocialCopy(
  copy: Partial<Record<SocialNetwork, string>>,
  values: ReadonlyMap<string, string | null>,
): Partial<Record<SocialNetwork, string>> {
  const out = fillSocialCopy(copy, values);
  for (const [network, text] of Object.entries(out) as Array<[SocialNetwork, string]>) {
    const { length } = countSocialCopy(network, text);
    const limit = SOCIAL_COPY_LIMITS[network];
    if (length > limit)
      throw new SocialCopyTooLongError(`${network} copy is ${length} characters; the limit is ${limit}`);
  }
  return out;
}

import { CampaignContent, PAGE_FORM_MARKER, PageAsset, PageForm } from '@tcma/campaign-model';
import { textDirection } from '@tcma/translation';
import { withDerivedColors } from '../slots/derived-colors';
import { checkMarkupTemplate } from '../template/checked-template';
import { escapeAttribute, escapeHtml, escapeUrlAttribute } from '../template/escape';
import { handlebars, HbsStatement } from '../template/handlebars-env';
import { applyPartnerValues, PartnerValues } from '../template/partner-pass';
import { vocabularyOf } from '../template/vocabulary';
import { renderPageForm, PageFormState } from './page-form';
import { pageFormWords, PageFormWords } from './page-form-words';

export class PageCompileError extends Error {}

/** What a page shows around its form, per partner; computed once per version and brand-kit revision. */
export interface CompiledPage {
  /** The document up to the form, and after it. */
  before: string;
  after: string;
  form: PageForm | null;
  /** The consent checkbox's wording with the partner's values, as plain text (what the evidence records). */
  consentText: string | null;
  /** The engine's own words on the form (a refused field, the summary), in the page's language. */
  words: PageFormWords;
  /** Rough retained size, for bounding a cache. */
  size: number;
}

export interface PageMeta {
  /** The page's public address (Open Graph og:url). */
  pageUrl: string;
  /** A co-branded image for link previews (og:image), when the campaign has a social asset. */
  ogImageUrl: string | null;
}

/** A text template of partner slots (a title, the consent wording), checked at save, as plain text. */
function plainText(source: string, values: PartnerValues): string {
  const slotOf = (e: hbs.AST.Expression) => {
    const path = e as hbs.AST.PathExpression;
    return path.parts[0] === 'partner' ? (path.parts[1] ?? '') : '';
  };
  const walk = (body: HbsStatement[]): string => {
    let out = '';
    for (const statement of body) {
      if (statement.type === 'ContentStatement') out += (statement as hbs.AST.ContentStatement).value;
      else if (statement.type === 'MustacheStatement')
        out += values.get(slotOf((statement as hbs.AST.MustacheStatement).path)) ?? '';
      else if (statement.type === 'BlockStatement') {
        const b = statement as hbs.AST.BlockStatement;
        const chosen = !!values.get(slotOf(b.params[0])) === (b.path.original === 'if') ? b.program : b.inverse;
        out += chosen ? walk(chosen.body) : '';
      }
    }
    return out;
  };
  return walk(handlebars.parse(source).body);
}

/** The engine's form styles; a page may style the same classes itself (its own rules come later in the document). */
const FORM_CSS =
  '.tcma-form{max-width:32rem;margin:1.5rem auto;font-family:system-ui,sans-serif}.tcma-field{margin:0 0 1rem}.tcma-field label{display:block;font-weight:600;margin-bottom:.25rem}' +
  '.tcma-field input[type=text],.tcma-field input[type=email],.tcma-field input[type=tel],.tcma-field textarea{box-sizing:border-box;width:100%;padding:.5rem;border:1px solid #6b7280;border-radius:4px;font:inherit}' +
  '.tcma-error{color:#b91c1c;margin:.25rem 0 0}.tcma-summary{border:2px solid #b91c1c;padding:.75rem;margin-bottom:1rem}.tcma-hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}' +
  '.tcma-form button{padding:.6rem 1.2rem;font:inherit;font-weight:600;border:0;border-radius:4px;background:#1f2937;color:#fff;cursor:pointer}.tcma-done{max-width:32rem;margin:1.5rem auto;font-family:system-ui,sans-serif}';

/**
 * The first, partner stage of a page: partner values placed into the vendor's HTML, escaped
 * for where each lands (as in emails), campaign links filled, the document's head written
 * (language, title, robots, Open Graph). The form goes between `before` and `after`.
 */
export function compilePage(
  asset: Pick<PageAsset, 'title' | 'html' | 'noindex' | 'form'>,
  content: Pick<CampaignContent, 'slots' | 'links' | 'language'>,
  partner: PartnerValues,
  meta: PageMeta,
): CompiledPage {
  const vocabulary = vocabularyOf(content);
  const markup = checkMarkupTemplate(asset.html, vocabulary);
  if (!markup.template)
    throw new PageCompileError(`The page is invalid: ${markup.problems.map((p) => p.message).join('; ')}`);
  const values = withDerivedColors(content.slots, partner);
  const links = new Map<string, string>(content.links.map((l) => [l.name, l.url]));
  const body = applyPartnerValues(markup.template.analysis, markup.template.placements, { partner: values, links });
  const title = escapeHtml(plainText(asset.title, values));
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    asset.noindex ? '<meta name="robots" content="noindex, nofollow">' : '',
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:url" content="${escapeUrlAttribute(meta.pageUrl)}">`,
    meta.ogImageUrl ? `<meta property="og:image" content="${escapeUrlAttribute(meta.ogImageUrl)}">` : '',
    `<style>${FORM_CSS}</style>`,
  ].join('');
  const marker = body.indexOf(PAGE_FORM_MARKER);
  const [inner, rest] =
    marker >= 0 ? [body.slice(0, marker), body.slice(marker + PAGE_FORM_MARKER.length)] : [body, ''];
  // A language written right to left (Arabic, Hebrew, Persian…) lays the whole page out so, as the emails.
  const dir = textDirection(content.language) === 'rtl' ? ' dir="rtl"' : '';
  const before = `<!doctype html><html lang="${escapeAttribute(content.language)}"${dir}><head>${head}</head><body>${inner}`;
  const after = `${rest}</body></html>`;
  const consentText = asset.form?.consent ? plainText(asset.form.consent.text, values).trim() : null;
  const words = pageFormWords(content.language);
  return { before, after, form: asset.form, consentText, words, size: (before.length + after.length) * 2 + 1024 };
}

/** The page as served: the blank form on a first visit, errors and kept values after a refused submission, or the thank-you message. */
export function renderPage(page: CompiledPage, state: PageFormState = { kind: 'blank' }): string {
  if (!page.form) return page.before + page.after;
  return page.before + renderPageForm(page.form, page.consentText, state, page.words) + page.after;
}

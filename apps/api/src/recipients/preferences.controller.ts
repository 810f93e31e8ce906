import { Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { BadRequestError } from '@tcma/errors';
import { localeOfAcceptLanguage } from '@tcma/locales';
import {
  PreferencePageState,
  recipientPageWords,
  RecipientPageWords,
  UNSUBSCRIBE_LEVELS,
  UnsubscribeLevel,
  UnsubscribeService,
} from '@tcma/recipients';
import type { Request, Response } from 'express';
import { escapeHtml, PAGE_BUTTON, plainPage } from '../common/plain-page';

/** The form field naming the choice. */
const CHOICE = 'leave';

/** What is already left, the broadest first, as a sentence; null when nothing is. */
function status(s: PreferencePageState, words: RecipientPageWords): string | null {
  if (s.left.network) return words.choices.network(s).done;
  if (s.left.partner) return words.choices.partner(s).done;
  if (s.left.campaign) return words.choices.campaign(s).done;
  return null;
}

const FIELDSET = 'border:0;padding:0;margin:0 0 1.2rem';
const OPTION = 'display:flex;gap:0.6rem;align-items:flex-start;margin:0.8rem 0;font-size:1rem';
/** Radio buttons large enough to tap on a phone. */
const RADIO = 'width:1.2rem;height:1.2rem;margin:0.05rem 0 0;flex:none';

/** The page, in the language the email was sent in: reading it changes nothing; only its form (a POST to the same address) acts. */
function preferencePage(s: PreferencePageState, error: string | null): string {
  const { locale, words } = recipientPageWords(s.language);
  const now = status(s, words);
  const options = UNSUBSCRIBE_LEVELS.map((level) => {
    const id = `${CHOICE}-${level}`;
    return `<div style="${OPTION}"><input type="radio" id="${id}" name="${CHOICE}" value="${level}" style="${RADIO}" required${error ? ` aria-describedby="${CHOICE}-error"` : ''}><label for="${id}">${escapeHtml(words.choices[level](s).label)}</label></div>`;
  }).join('');
  // In one pass, so a name holding "{vendor}" is never filled in again.
  const names = { email: s.email, partner: s.partnerName, vendor: s.vendorName };
  const intro = words.intro.replace(/\{(email|partner|vendor)\}/g, (_m, key: keyof typeof names) =>
    escapeHtml(names[key]),
  );
  return plainPage(
    words.preferencesTitle,
    `<p>${intro}</p>` +
      (now ? `<p role="status">${escapeHtml(now)}</p>` : '') +
      `<form method="post"><fieldset style="${FIELDSET}"><legend style="font-weight:bold">${escapeHtml(words.question)}</legend>${options}` +
      (error ? `<p id="${CHOICE}-error" style="color:#b91c1c">${escapeHtml(error)}</p>` : '') +
      `</fieldset><button type="submit" style="${PAGE_BUTTON}">${escapeHtml(words.save)}</button></form>`,
    locale,
  );
}

const saved = (s: PreferencePageState, level: UnsubscribeLevel) => {
  const { locale, words } = recipientPageWords(s.language);
  return plainPage(
    words.savedTitle,
    `<p>${escapeHtml(words.choices[level](s).done)}</p><p>${escapeHtml(words.appliesTo(s.email))}</p>`,
    locale,
  );
};
/** A link that is not genuine names no send: the reader's browser says which language to answer in. */
const invalid = (req: Request) => {
  const { locale, words } = recipientPageWords(localeOfAcceptLanguage(req.headers['accept-language']));
  return plainPage(words.invalidTitle, `<p>${escapeHtml(words.invalidPreferences)}</p>`, locale);
};

const isLevel = (value: unknown): value is UnsubscribeLevel =>
  typeof value === 'string' && (UNSUBSCRIBE_LEVELS as readonly string[]).includes(value);

/**
 * The preference page of {{links.preferences}}: the recipient of an email chooses to leave its
 * campaign, its partner's mail or the vendor's whole network, without an account or any
 * script. Like an unsubscribe link, reading it (GET, HEAD: link scanners do) changes nothing;
 * only the page's form, a POST to the same address, acts. Never cached, never indexed.
 */
@ApiTags('unsubscribe')
@Public()
@Controller()
export class PreferencesController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get('preferences/:token')
  @ApiOperation({
    operationId: 'getPreferencePage',
    summary: 'Show the preference page of a link in an email (changes nothing)',
  })
  @ApiOkResponse({
    description:
      'An HTML page with a form: leave this campaign, this partner’s mail, or all mail of the vendor’s network. 404 (a page) for a link that is not genuine.',
  })
  async show(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const state = await this.unsubscribe.describePreferences(token);
    noStore(res);
    if (!state) {
      res.status(HttpStatus.NOT_FOUND).type('html').send(invalid(req));
      return;
    }
    res.status(HttpStatus.OK).type('html').send(preferencePage(state, null));
  }

  @Post('preferences/:token')
  @ApiOperation({
    operationId: 'unsubscribeByPreference',
    summary: 'Leave this campaign, this partner’s mail or the whole network, from the preference page',
  })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description: `A confirmation page. The body (form encoded) is ${CHOICE}=campaign, partner or network; anything else answers 400 (the page again, with the message beside the choices, or a JSON error for a client that does not ask for HTML) and changes nothing.`,
  })
  async save(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    noStore(res);
    const body: unknown = req.body;
    const choice = body && typeof body === 'object' ? (body as Record<string, unknown>)[CHOICE] : undefined;
    const html = req.accepts(['application/json', 'text/html']) === 'text/html';
    if (!isLevel(choice)) {
      if (!html)
        throw new BadRequestError('A preference is one of the three choices', [
          { path: CHOICE, message: `must be one of ${UNSUBSCRIBE_LEVELS.join(', ')}` },
        ]);
      const state = await this.unsubscribe.describePreferences(token);
      if (!state) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid(req));
      else
        res
          .status(HttpStatus.BAD_REQUEST)
          .type('html')
          .send(preferencePage(state, recipientPageWords(state.language).words.chooseOne));
      return;
    }
    const result = await this.unsubscribe.choosePreference(token, choice);
    if (!result) {
      res.status(HttpStatus.NOT_FOUND).type('html').send(invalid(req));
      return;
    }
    res.status(HttpStatus.OK).type('html').send(saved(result.state, choice));
  }
}

function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
}

import { Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { BadRequestError } from '@tcma/errors';
import { PreferencePageState, UNSUBSCRIBE_LEVELS, UnsubscribeLevel, UnsubscribeService } from '@tcma/recipients';
import type { Request, Response } from 'express';
import { escapeHtml, PAGE_BUTTON, plainPage } from '../common/plain-page';

/** The form field naming the choice. */
const CHOICE = 'leave';

/** Each choice as the page words it, with the partner's and vendor's names. */
const CHOICES: Record<UnsubscribeLevel, (s: PreferencePageState) => { label: string; done: string }> = {
  campaign: (s) => ({
    label: `Stop emails about ${s.campaignName} from ${s.partnerName}`,
    done: `You will receive no more emails about ${s.campaignName} from ${s.partnerName}.`,
  }),
  partner: (s) => ({
    label: `Stop all emails from ${s.partnerName}`,
    done: `You will receive no more emails from ${s.partnerName}.`,
  }),
  network: (s) => ({
    label: `Stop all emails from ${s.vendorName} and every partner of its network`,
    done: `You will receive no more emails from ${s.vendorName} or any of its partners.`,
  }),
};

/** What is already left, the broadest first, as a sentence; null when nothing is. */
function status(s: PreferencePageState): string | null {
  if (s.left.network) return CHOICES.network(s).done;
  if (s.left.partner) return CHOICES.partner(s).done;
  if (s.left.campaign) return CHOICES.campaign(s).done;
  return null;
}

const FIELDSET = 'border:0;padding:0;margin:0 0 1.2rem';
const OPTION = 'display:flex;gap:0.6rem;align-items:flex-start;margin:0.8rem 0;font-size:1rem';
/** Radio buttons large enough to tap on a phone. */
const RADIO = 'width:1.2rem;height:1.2rem;margin:0.05rem 0 0;flex:none';

/** The page: reading it changes nothing; only its form (a POST to the same address) acts. */
function preferencePage(s: PreferencePageState, error: string | null): string {
  const now = status(s);
  const options = UNSUBSCRIBE_LEVELS.map((level) => {
    const id = `${CHOICE}-${level}`;
    return `<div style="${OPTION}"><input type="radio" id="${id}" name="${CHOICE}" value="${level}" style="${RADIO}" required${error ? ` aria-describedby="${CHOICE}-error"` : ''}><label for="${id}">${escapeHtml(CHOICES[level](s).label)}</label></div>`;
  }).join('');
  return plainPage(
    'Email preferences',
    `<p>Emails to <strong>${escapeHtml(s.email)}</strong> from <strong>${escapeHtml(s.partnerName)}</strong>, a partner of ${escapeHtml(s.vendorName)}.</p>` +
      (now ? `<p role="status">${escapeHtml(now)}</p>` : '') +
      `<form method="post"><fieldset style="${FIELDSET}"><legend style="font-weight:bold">What would you like to stop?</legend>${options}` +
      (error ? `<p id="${CHOICE}-error" style="color:#b91c1c">${escapeHtml(error)}</p>` : '') +
      `</fieldset><button type="submit" style="${PAGE_BUTTON}">Save my choice</button></form>`,
  );
}

const saved = (s: PreferencePageState, level: UnsubscribeLevel) =>
  plainPage(
    'Your choice is saved',
    `<p>${escapeHtml(CHOICES[level](s).done)}</p><p>This applies to ${escapeHtml(s.email)}.</p>`,
  );
const invalid = () =>
  plainPage(
    'This link is not valid',
    '<p>Use the email preferences link of the email itself, or reply to it and ask to be removed.</p>',
  );

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
  async show(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const state = await this.unsubscribe.describePreferences(token);
    noStore(res);
    if (!state) {
      res.status(HttpStatus.NOT_FOUND).type('html').send(invalid());
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
      if (!state) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid());
      else
        res.status(HttpStatus.BAD_REQUEST).type('html').send(preferencePage(state, 'Choose one of the options above'));
      return;
    }
    const result = await this.unsubscribe.choosePreference(token, choice);
    if (!result) {
      res.status(HttpStatus.NOT_FOUND).type('html').send(invalid());
      return;
    }
    res.status(HttpStatus.OK).type('html').send(saved(result.state, choice));
  }
}

function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
}

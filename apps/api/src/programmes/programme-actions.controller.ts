import { Controller, Get, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { localeOfAcceptLanguage, wordsIn } from '@tcma/locales';
import { ACTION_PAGE, ActionPage, EmailActionsService } from '@tcma/programmes';
import type { Request, Response } from 'express';
import { escapeHtml, PAGE_BUTTON, plainPage } from '../common/plain-page';

const wordsOf = (p: ActionPage) => wordsIn(ACTION_PAGE, p.locale, { campaign: p.campaignName, audience: p.audience });
const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
const button = (label: string) =>
  `<form method="post"><button type="submit" style="${PAGE_BUTTON}">${escapeHtml(label)}</button></form>`;

const ask = (p: ActionPage) => {
  const w = wordsOf(p);
  if (p.state !== 'pending' && p.state !== 'waiting_readiness')
    return plainPage(w.nothingTitle, paragraph(w.state[p.state]), p.locale);
  return p.action === 'launch'
    ? plainPage(w.launchTitle, paragraph(w.launchAsk) + button(w.launchButton), p.locale)
    : plainPage(w.skipTitle, paragraph(w.skipAsk) + button(w.skipButton), p.locale);
};
const done = (p: ActionPage) => {
  const w = wordsOf(p);
  return p.action === 'launch'
    ? plainPage(w.launchedTitle, paragraph(w.launched), p.locale)
    : plainPage(w.skippedTitle, paragraph(w.skipped), p.locale);
};
const refused = (p: ActionPage, why: string) =>
  plainPage(wordsOf(p).refusedTitle, paragraph(why) + paragraph(wordsOf(p).state[p.state]), p.locale);
/** A link the engine cannot read names no user: the page is in the browser's language. */
const invalid = (acceptLanguage: string | undefined) => {
  const locale = localeOfAcceptLanguage(acceptLanguage);
  const w = wordsIn(ACTION_PAGE, locale, { campaign: '', audience: '' });
  return plainPage(w.invalidTitle, paragraph(w.invalid), locale);
};

/**
 * The buttons of programme emails ("Launch now", "Skip"). Following one (as link scanners and
 * mail gateways do with every link) only shows a page; its button, a POST, acts. No sign-in:
 * the signed token names the pending launch, the action and the user it was mailed to, whose
 * language its pages are in (an unreadable link's, the browser's).
 */
@ApiTags('programmes')
@Public()
@Controller('programme-actions')
export class ProgrammeActionsController {
  constructor(private readonly actions: EmailActionsService) {}

  @Get(':token')
  @ApiOperation({
    operationId: 'getProgrammeActionPage',
    summary: "Show the page confirming an email's Launch or Skip button (changes nothing)",
  })
  @ApiOkResponse({ description: 'An HTML page with a button that acts; 404 for an unknown or expired link.' })
  async page(
    @Param('token') token: string,
    @Res() res: Response,
    // The browser's language, for a link that names no user; read here rather than declared, as no caller need send it.
    @Req() req: Request,
  ): Promise<void> {
    const page = await this.actions.describe(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!page) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid(req.headers['accept-language']));
    else res.status(HttpStatus.OK).type('html').send(ask(page));
  }

  @Post(':token')
  @ApiOperation({ operationId: 'confirmProgrammeAction', summary: 'Launch or skip a pending launch from its email' })
  @ApiOkResponse({
    description:
      'An HTML page saying what happened (409 when it had already started or been skipped, 422 when the partner is not ready); 404 for an unknown or expired link.',
  })
  async act(@Param('token') token: string, @Res() res: Response, @Req() req: Request): Promise<void> {
    const result = await this.actions.act(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!result) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid(req.headers['accept-language']));
    else if (result.done) res.status(HttpStatus.OK).type('html').send(done(result.page));
    else
      res
        .status(result.page.state === 'waiting_readiness' ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT)
        .type('html')
        .send(refused(result.page, result.why));
  }
}

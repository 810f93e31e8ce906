import { Controller, Get, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { localeOfAcceptLanguage, wordsIn } from '@tcma/locales';
import { REMINDER_PAGE, ReminderPage, RemindersService } from '@tcma/vendor-home';
import type { Request, Response } from 'express';
import { escapeHtml, PAGE_BUTTON, plainPage } from '../common/plain-page';

const wordsOf = (p: ReminderPage) => wordsIn(REMINDER_PAGE, p.locale, { campaign: p.campaignName });
const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

const ask = (p: ReminderPage) => {
  const w = wordsOf(p);
  return p.launched
    ? plainPage(w.nothingTitle, paragraph(w.alreadyLaunched), p.locale)
    : plainPage(
        w.askTitle,
        paragraph(w.ask) +
          `<form method="post"><button type="submit" style="${PAGE_BUTTON}">${escapeHtml(w.askButton)}</button></form>`,
        p.locale,
      );
};
const done = (p: ReminderPage) => plainPage(wordsOf(p).doneTitle, paragraph(wordsOf(p).done), p.locale);
const refused = (p: ReminderPage, why: string) => plainPage(wordsOf(p).refusedTitle, paragraph(why), p.locale);
/** A link the engine cannot read names no user: the page is in the browser's language. */
const invalid = (acceptLanguage: string | undefined) => {
  const locale = localeOfAcceptLanguage(acceptLanguage);
  const w = wordsIn(REMINDER_PAGE, locale, { campaign: '' });
  return plainPage(w.invalidTitle, paragraph(w.invalid), locale);
};

/**
 * The Launch button of a vendor's reminder. Following it (as link scanners do) only shows a
 * page; its button, a POST, launches. No sign-in: the signed token names the reminder and the
 * user it was mailed to, who is recorded as the launch's creator. Its pages are in that user's
 * language (an unreadable link's, in the browser's).
 */
@ApiTags('vendor home')
@Public()
@Controller('reminder-actions')
export class ReminderActionsController {
  constructor(private readonly reminders: RemindersService) {}

  @Get(':token')
  @ApiOperation({
    operationId: 'getReminderActionPage',
    summary: "Show the page confirming a reminder's Launch button (changes nothing)",
  })
  @ApiOkResponse({ description: 'An HTML page with a button that launches; 404 for an unknown or expired link.' })
  async page(
    @Param('token') token: string,
    @Res() res: Response,
    // The browser's language, for a link that names no user; read here rather than declared, as no caller need send it.
    @Req() req: Request,
  ): Promise<void> {
    const page = await this.reminders.describe(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!page) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid(req.headers['accept-language']));
    else res.status(HttpStatus.OK).type('html').send(ask(page));
  }

  @Post(':token')
  @ApiOperation({ operationId: 'confirmReminderAction', summary: "Launch a reminder's campaign from its email" })
  @ApiOkResponse({
    description:
      'An HTML page saying what happened (409 when it was launched already, 422 when the partner is not ready); 404 for an unknown or expired link.',
  })
  async act(@Param('token') token: string, @Res() res: Response, @Req() req: Request): Promise<void> {
    const result = await this.reminders.act(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!result) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid(req.headers['accept-language']));
    else if (result.done) res.status(HttpStatus.OK).type('html').send(done(result.page));
    else res.status(result.status).type('html').send(refused(result.page, result.why));
  }
}

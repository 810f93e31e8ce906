import { Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { ReminderPage, RemindersService } from '@tcma/vendor-home';
import type { Response } from 'express';
import { escapeHtml, PAGE_BUTTON, plainPage } from '../common/plain-page';

const ask = (p: ReminderPage) =>
  p.launched
    ? plainPage('Nothing to do', `<p>${escapeHtml(`${p.campaignName} has already been launched.`)}</p>`)
    : plainPage(
        'Launch this campaign now?',
        `<p>${escapeHtml(`${p.campaignName} will start at once for all your prospects, co-branded with your brand kit.`)}</p>` +
          `<form method="post"><button type="submit" style="${PAGE_BUTTON}">${escapeHtml(`Launch ${p.campaignName} now`)}</button></form>`,
      );
const done = (p: ReminderPage) =>
  plainPage('Launched', `<p>${escapeHtml(`${p.campaignName} has started for all your prospects.`)}</p>`);
const refused = (why: string) => plainPage('Nothing was changed', `<p>${escapeHtml(why)}</p>`);
const invalid = () =>
  plainPage(
    'This link is not valid',
    '<p>It may have expired: open the portal to see the campaigns you can launch.</p>',
  );

/**
 * The Launch button of a vendor's reminder. Following it (as link scanners do) only shows a
 * page; its button, a POST, launches. No sign-in: the signed token names the reminder and the
 * user it was mailed to, who is recorded as the launch's creator.
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
  async page(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const page = await this.reminders.describe(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!page) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid());
    else res.status(HttpStatus.OK).type('html').send(ask(page));
  }

  @Post(':token')
  @ApiOperation({ operationId: 'confirmReminderAction', summary: "Launch a reminder's campaign from its email" })
  @ApiOkResponse({
    description:
      'An HTML page saying what happened (409 when it was launched already, 422 when the partner is not ready); 404 for an unknown or expired link.',
  })
  async act(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const result = await this.reminders.act(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!result) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid());
    else if (result.done) res.status(HttpStatus.OK).type('html').send(done(result.page));
    else res.status(result.status).type('html').send(refused(result.why));
  }
}

import { Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { ActionPage, EmailActionsService } from '@tcma/programmes';
import type { Response } from 'express';
import { escapeHtml, PAGE_BUTTON, plainPage } from '../common/plain-page';

const verb = (p: ActionPage) =>
  p.action === 'launch' ? `Launch ${p.campaignName} now for ${p.audience}` : `Skip ${p.campaignName}`;

const ask = (p: ActionPage) =>
  p.state === 'pending' || p.state === 'waiting_readiness'
    ? plainPage(
        p.action === 'launch' ? 'Launch this campaign now?' : 'Skip this campaign?',
        `<p>${escapeHtml(p.action === 'launch' ? `${p.campaignName} will start at once for ${p.audience}.` : `${p.campaignName} will not be launched for you.`)}</p>` +
          `<form method="post"><button type="submit" style="${PAGE_BUTTON}">${escapeHtml(verb(p))}</button></form>`,
      )
    : plainPage(
        'Nothing to do',
        `<p>${escapeHtml(`${p.campaignName} has already been ${p.state.replace('_', ' ')}.`)}</p>`,
      );
const done = (p: ActionPage) =>
  plainPage(
    p.action === 'launch' ? 'Launched' : 'Skipped',
    `<p>${escapeHtml(p.action === 'launch' ? `${p.campaignName} has started for ${p.audience}.` : `${p.campaignName} will not be launched.`)}</p>`,
  );
const refused = (p: ActionPage, why: string) =>
  plainPage(
    'Nothing was changed',
    `<p>${escapeHtml(why)}</p><p>${escapeHtml(`${p.campaignName} is ${p.state.replace('_', ' ')}.`)}</p>`,
  );
const invalid = () =>
  plainPage(
    'This link is not valid',
    '<p>It may have expired: open the portal to see the campaigns waiting for you.</p>',
  );

/**
 * The buttons of programme emails ("Launch now", "Skip"). Following one (as link scanners and
 * mail gateways do with every link) only shows a page; its button, a POST, acts. No sign-in:
 * the signed token names the pending launch, the action and the user it was mailed to.
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
  async page(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const page = await this.actions.describe(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!page) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid());
    else res.status(HttpStatus.OK).type('html').send(ask(page));
  }

  @Post(':token')
  @ApiOperation({ operationId: 'confirmProgrammeAction', summary: 'Launch or skip a pending launch from its email' })
  @ApiOkResponse({
    description:
      'An HTML page saying what happened (409 when it had already started or been skipped, 422 when the partner is not ready); 404 for an unknown or expired link.',
  })
  async act(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const result = await this.actions.act(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!result) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid());
    else if (result.done) res.status(HttpStatus.OK).type('html').send(done(result.page));
    else
      res
        .status(result.page.state === 'waiting_readiness' ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT)
        .type('html')
        .send(refused(result.page, result.why));
  }
}

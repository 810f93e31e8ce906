import { Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { SenderConfirmationsService } from '@tcma/senders';
import type { Response } from 'express';
import { escapeHtml, PAGE_BUTTON, plainPage } from '../common/plain-page';

const ask = (email: string) =>
  plainPage(
    'Confirm this sender address?',
    `<p>Emails of this partner's campaigns will be sent from ${escapeHtml(email)} once you confirm that the address is yours.</p>` +
      `<form method="post"><button type="submit" style="${PAGE_BUTTON}">Confirm ${escapeHtml(email)}</button></form>`,
  );
const confirmed = (email: string) =>
  plainPage('Address confirmed', `<p>${escapeHtml(email)} is confirmed as this partner's sender address.</p>`);
const stale = (email: string) =>
  plainPage(
    'Nothing to confirm',
    `<p>${escapeHtml(email)} is no longer this partner's sender address, so nothing was changed.</p>`,
  );
const invalid = () =>
  plainPage(
    'This link is not valid',
    '<p>It may have expired: save the sender identity again in the brand kit to get a new one.</p>',
  );

/**
 * The link mailed to a partner's new From address. Reading the page (as link scanners do with
 * every link) changes nothing; only its button, a POST, confirms.
 */
@ApiTags('brand kits')
@Public()
@Controller('sender-confirmations')
export class SenderConfirmationsController {
  constructor(private readonly confirmations: SenderConfirmationsService) {}

  @Get(':token')
  @ApiOperation({
    operationId: 'getSenderConfirmationPage',
    summary: "Show the page confirming a partner's From address (changes nothing)",
  })
  @ApiOkResponse({ description: 'An HTML page with a button that confirms; 404 for an unknown or expired link.' })
  page(@Param('token') token: string, @Res() res: Response): void {
    const claim = this.confirmations.describe(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!claim) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid());
    else res.status(HttpStatus.OK).type('html').send(ask(claim.email));
  }

  @Post(':token')
  @ApiOperation({ operationId: 'confirmSender', summary: "Confirm a partner's From address" })
  @ApiOkResponse({
    description: 'An HTML page saying whether the address is confirmed; 404 for an unknown or expired link.',
  })
  async confirm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const result = await this.confirmations.confirm(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!result) res.status(HttpStatus.NOT_FOUND).type('html').send(invalid());
    else
      res
        .status(HttpStatus.OK)
        .type('html')
        .send(result.confirmed ? confirmed(result.email) : stale(result.email));
  }
}

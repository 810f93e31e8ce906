import { Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { UNSUBSCRIBE_TOKEN } from '@tcma/delivery';
import { BadRequestError } from '@tcma/errors';
import { localeOfAcceptLanguage } from '@tcma/locales';
import { recipientPageWords, UnsubscribeService } from '@tcma/recipients';
import type { Request, Response } from 'express';
import { text } from 'node:stream/consumers';
import { escapeHtml, PAGE_BUTTON, plainPage } from '../common/plain-page';

const MAX_INBOUND_BYTES = 256 * 1024;
/** RFC 8058: the body a one-click unsubscribe POST carries (the confirmation page's button sends it too). */
const ONE_CLICK = 'One-Click';
/** The confirmation page, in the language the email was sent in: reading it changes nothing; only its button (a POST) unsubscribes. */
const confirmation = (email: string, language: string | null) => {
  const { locale, words } = recipientPageWords(language);
  return plainPage(
    words.unsubscribeTitle,
    `<p>${escapeHtml(words.unsubscribeText(email))}</p>` +
      `<form method="post"><input type="hidden" name="List-Unsubscribe" value="${ONE_CLICK}"><button type="submit" style="${PAGE_BUTTON}">${escapeHtml(words.unsubscribeButton)}</button></form>`,
    locale,
  );
};
const done = (email: string, language: string | null) => {
  const { locale, words } = recipientPageWords(language);
  return plainPage(words.unsubscribedTitle, `<p>${escapeHtml(words.unsubscribedText(email))}</p>`, locale);
};
/** A link that is not genuine names no send: the reader's browser says which language to answer in. */
const invalid = (req: Request) => {
  const { locale, words } = recipientPageWords(localeOfAcceptLanguage(req.headers['accept-language']));
  return plainPage(words.invalidTitle, `<p>${escapeHtml(words.invalidUnsubscribe)}</p>`, locale);
};

/**
 * Unsubscribing, without an account: the link in every email opens a confirmation page
 * (reading it, as link scanners and mail gateways do with every link, changes nothing); RFC
 * 8058 one-click POSTs from mail clients and the page's own button unsubscribe; and the mailto
 * address of List-Unsubscribe (a mail server pipes those messages to /unsubscribe/inbound).
 */
@ApiTags('unsubscribe')
@Public()
@Controller()
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get('u/:token')
  @ApiOperation({
    operationId: 'getUnsubscribePage',
    summary: 'Show the unsubscribe confirmation page of a link in an email (changes nothing)',
  })
  @ApiOkResponse({
    description:
      'A page with a button that unsubscribes; or, when already unsubscribed, a page saying so. GET and HEAD never unsubscribe.',
  })
  async confirm(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const state = await this.unsubscribe.describe(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!state) {
      res.status(HttpStatus.NOT_FOUND).type('html').send(invalid(req));
      return;
    }
    res
      .status(HttpStatus.OK)
      .type('html')
      .send(state.unsubscribed ? done(state.email, state.language) : confirmation(state.email, state.language));
  }

  @Post('u/:token')
  @ApiOperation({
    operationId: 'unsubscribeOneClick',
    summary: 'Unsubscribe in one click (RFC 8058), or from the confirmation page',
  })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'Unsubscribed. The body must be List-Unsubscribe=One-Click (form encoded); anything else answers 400 and changes nothing.',
  })
  async oneClick(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const html = req.accepts(['text/plain', 'text/html']) === 'text/html';
    res.setHeader('Cache-Control', 'no-store');
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || (body as Record<string, unknown>)['List-Unsubscribe'] !== ONE_CLICK) {
      throw new BadRequestError('An unsubscribe request carries List-Unsubscribe=One-Click (RFC 8058)', [
        { path: 'List-Unsubscribe', message: `must be ${ONE_CLICK}` },
      ]);
    }
    const result = await this.unsubscribe.unsubscribe(token);
    if (!result) {
      res.status(HttpStatus.NOT_FOUND);
      if (html) res.type('html').send(invalid(req));
      else res.type('text').send('Unknown unsubscribe link');
      return;
    }
    if (html) res.type('html').send(done(result.email, result.language));
    else res.type('text').send('Unsubscribed');
  }

  @Post('unsubscribe/inbound')
  @ApiOperation({
    operationId: 'unsubscribeByEmail',
    summary: 'Unsubscribe from a mailto message piped from a mail server',
  })
  @ApiExcludeEndpoint()
  async inbound(@Req() req: Request, @Res() res: Response, @Headers('content-length') length?: string): Promise<void> {
    if (Number(length ?? 0) > MAX_INBOUND_BYTES) {
      res.status(HttpStatus.PAYLOAD_TOO_LARGE).type('text').send('Message too large');
      return;
    }
    const raw = typeof req.body === 'string' ? req.body : await text(req);
    const token = new RegExp(`^subject:.*?unsubscribe\\s+(${UNSUBSCRIBE_TOKEN.source})`, 'im').exec(
      raw.slice(0, MAX_INBOUND_BYTES),
    )?.[1];
    const result = token ? await this.unsubscribe.unsubscribe(token) : null;
    res
      .status(result ? HttpStatus.OK : HttpStatus.NOT_FOUND)
      .type('text')
      .send(result ? 'Unsubscribed' : 'No unsubscribe token found');
  }
}

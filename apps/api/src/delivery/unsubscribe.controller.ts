import { Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { UnsubscribeService } from '@tcma/nurture';
import type { Request, Response } from 'express';
import { text } from 'node:stream/consumers';

const MAX_INBOUND_BYTES = 256 * 1024;
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head>` +
  `<body style="font-family:Helvetica,Arial,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937"><h1 style="font-size:1.4rem">${title}</h1><p>${body}</p></body></html>`;

/**
 * Unsubscribing, without an account: the link in every email (a confirmation page that has
 * already unsubscribed), RFC 8058 one-click POSTs from mail clients, and the mailto address
 * of List-Unsubscribe (a mail server pipes those messages to /unsubscribe/inbound).
 */
@ApiTags('unsubscribe')
@Public()
@Controller()
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get('u/:token')
  @ApiOkResponse({ description: 'Unsubscribes at once and confirms it on a page.' })
  async confirm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const result = await this.unsubscribe.unsubscribe(token);
    res.setHeader('Cache-Control', 'no-store');
    if (!result) {
      res.status(HttpStatus.NOT_FOUND).type('html').send(page('This link is not valid', 'Use the unsubscribe link of the email itself, or reply to it and ask to be removed.'));
      return;
    }
    res.status(HttpStatus.OK).type('html').send(page('You are unsubscribed', `${escape(result.email)} will not receive further emails from this sender.`));
  }

  @Post('u/:token')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'RFC 8058 one-click unsubscribe (body List-Unsubscribe=One-Click).' })
  async oneClick(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const result = await this.unsubscribe.unsubscribe(token);
    res.status(result ? HttpStatus.OK : HttpStatus.NOT_FOUND).type('text').send(result ? 'Unsubscribed' : 'Unknown unsubscribe link');
  }

  @Post('unsubscribe/inbound')
  @ApiExcludeEndpoint()
  async inbound(@Req() req: Request, @Res() res: Response, @Headers('content-length') length?: string): Promise<void> {
    if (Number(length ?? 0) > MAX_INBOUND_BYTES) {
      res.status(HttpStatus.PAYLOAD_TOO_LARGE).type('text').send('Message too large');
      return;
    }
    const raw = typeof req.body === 'string' ? req.body : await text(req);
    const token = /^subject:.*?unsubscribe\s+(\d{1,18}\.[A-Za-z0-9_-]{22})/im.exec(raw.slice(0, MAX_INBOUND_BYTES))?.[1];
    const result = token ? await this.unsubscribe.unsubscribe(token) : null;
    res.status(result ? HttpStatus.OK : HttpStatus.NOT_FOUND).type('text').send(result ? 'Unsubscribed' : 'No unsubscribe token found');
  }
}

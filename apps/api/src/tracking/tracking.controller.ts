import { Controller, Get, HttpStatus, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { Clock } from '@tcma/clock';
import { ViewInBrowserService } from '@tcma/nurture';
import { EventsRepository, SendEventInput, TrackingLinks } from '@tcma/tracking';
import type { Request, Response } from 'express';

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** The longest a prospect waits for an event to be written before being sent on anyway. */
const RECORD_BUDGET_MS = 500;

/**
 * The engine's public links inside sent emails (GET, and HEAD which scanners use): tracked
 * clicks, the open pixel, view in browser. Only signed links do anything; a tampered or made-up
 * one answers 404 and redirects nowhere. Recording is one insert, and never stands between
 * the prospect and where they are going.
 */
@ApiExcludeController()
@Public()
@Controller()
export class TrackingController {
  private readonly logger = new Logger(TrackingController.name);

  constructor(
    private readonly links: TrackingLinks,
    private readonly events: EventsRepository,
    private readonly views: ViewInBrowserService,
    private readonly clock: Clock,
  ) {}

  @Get('c/:sendId/:index/:sig')
  async click(@Param('sendId') sendId: string, @Param('index') index: string, @Param('sig') sig: string, @Query('u') target: unknown, @Query('n') name: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const click = this.links.verifyClick(sendId, index, sig, target, name);
    if (!click) return notFound(res);
    await this.record(req, { sendId, type: 'clicked', at: this.clock.now(), linkIndex: click.index, linkName: click.name });
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.redirect(HttpStatus.FOUND, click.target);
  }

  @Get('o/:sendId/:file')
  async open(@Param('sendId') sendId: string, @Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const sig = /^([\w-]+)\.gif$/.exec(file)?.[1];
    if (!sig || !this.links.verifyOpen(sendId, sig)) return notFound(res);
    await this.record(req, { sendId, type: 'opened', at: this.clock.now() });
    res.setHeader('Cache-Control', 'no-store, max-age=0');
    res.type('gif').send(PIXEL);
  }

  @Get('v/:sendId/:sig')
  async view(@Param('sendId') sendId: string, @Param('sig') sig: string, @Res() res: Response): Promise<void> {
    const html = await this.views.html(sendId, sig);
    if (html === null) return notFound(res);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; font-src *");
    res.type('html').send(html);
  }

  /** One insert, waited for at most RECORD_BUDGET_MS; a failure is logged, never shown. */
  private async record(req: Request, event: SendEventInput): Promise<void> {
    const write = this.events.recordForSend({ ...event, userAgent: req.get('user-agent') ?? null, method: req.method }).catch((e: Error) => {
      this.logger.warn(`Could not record ${event.type} of send ${event.sendId}: ${e.message}`);
      return false;
    });
    await Promise.race([write, new Promise((resolve) => setTimeout(resolve, RECORD_BUDGET_MS).unref())]);
  }
}

function notFound(res: Response): void {
  res.status(HttpStatus.NOT_FOUND).setHeader('Cache-Control', 'no-store');
  res.type('text').send('Unknown link');
}

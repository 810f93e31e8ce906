import { Controller, Get, Headers, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { Metrics } from '@tcma/metrics';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Prometheus's scrape target. Not a user's endpoint (no session or API token, not in the API
 * document): it answers only to METRICS_TOKEN, and does not exist (404) while that is unset,
 * so an installation shows nothing about itself until its operator chooses to.
 */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Res() res: Response, @Headers('authorization') authorization?: string): Promise<void> {
    const token = this.config.metricsToken;
    if (!token || !this.metrics.enabled) throw new NotFoundException();
    const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(token)))
      throw new UnauthorizedException('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
    const { contentType, body } = await this.metrics.scrape();
    res.setHeader('Cache-Control', 'no-store');
    res.type(contentType).send(body);
  }
}

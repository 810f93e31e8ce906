import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@tcma/auth';
import { FleetService } from '@tcma/fleet';
import { RedisClient } from '@tcma/queue';
import type { Response } from 'express';

const CHECK_TIMEOUT_MS = 1000;

async function withTimeout(check: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      check.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Public()
// Load balancers and orchestrators ask every few seconds from one address.
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly fleet: FleetService,
    private readonly redis: RedisClient,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getLiveness', summary: 'Whether the process is alive' })
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Whether Postgres and Redis answer, with the number of live workers',
  })
  @ApiOkResponse({
    description:
      'Postgres and Redis both answer. `workers` counts live worker processes (a heartbeat within two WORKER_HEARTBEAT_SECONDS intervals).',
  })
  @ApiServiceUnavailableResponse({ description: 'Postgres or Redis does not answer.' })
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: 'ok' | 'unavailable'; postgres: boolean; redis: boolean; workers: number | null }> {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.fleet.databaseAnswers()),
      this.redis.ping(CHECK_TIMEOUT_MS),
    ]);
    const ok = postgres && redis;
    if (!ok) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    const workers = postgres ? await this.fleet.liveWorkers().catch(() => null) : null;
    return { status: ok ? 'ok' : 'unavailable', postgres, redis, workers };
  }
}

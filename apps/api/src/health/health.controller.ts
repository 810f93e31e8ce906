import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { RedisClient } from '@tcma/queue';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

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
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Postgres and Redis both answer. `workers` counts worker processes that sent a heartbeat in the last 30 s.' })
  @ApiServiceUnavailableResponse({ description: 'Postgres or Redis does not answer.' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'unavailable'; postgres: boolean; redis: boolean; workers: number | null }> {
    const [postgres, redis] = await Promise.all([withTimeout(this.dataSource.query('SELECT 1')), this.redis.ping(CHECK_TIMEOUT_MS)]);
    const ok = postgres && redis;
    if (!ok) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    const workers = redis ? await this.countWorkers() : null;
    return { status: ok ? 'ok' : 'unavailable', postgres, redis, workers };
  }

  private async countWorkers(): Promise<number | null> {
    try {
      let count = 0;
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.redis.scan(cursor, 'MATCH', `${this.config.queuePrefix}:workers:*`, 'COUNT', 100);
        count += keys.length;
        cursor = next;
      } while (cursor !== '0');
      return count;
    } catch {
      return null;
    }
  }
}

import { INestApplicationContext, Logger, LoggerService } from '@nestjs/common';
import { AppConfig, applyDotEnv, ConfigError } from '@tcma/config';
import { createEngineLogs, EngineLogs } from '@tcma/logging';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unreachableService } from './preflight';

/** The exit code of a process whose PostgreSQL or Redis does not answer (EX_UNAVAILABLE). */
export const EX_UNAVAILABLE = 69;

/**
 * Reads the environment (and `.env` in the working directory, for what the environment does
 * not set); a bad value ends the process with a message naming the variable.
 */
export function loadConfigOrExit(): AppConfig {
  try {
    applyDotEnv();
    return new AppConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
}

/**
 * Checks that PostgreSQL and Redis answer before anything else starts; if one does not, the
 * process ends with one line naming DATABASE_URL or REDIS_URL, not pages of retries and stacks.
 */
export async function checkServicesOrExit(config: AppConfig): Promise<void> {
  const problem = await unreachableService(config);
  if (!problem) return;
  console.error(problem);
  process.exit(EX_UNAVAILABLE);
}

/**
 * The process's logs (pino through nestjs-pino; README "Operations"), made Nest's logger at
 * once so that every `new Logger(Context)` writes through them, and a logger for `context`.
 */
export function startLogging(
  config: AppConfig,
  name: 'api' | 'worker' | 'cli',
  context: string,
): { logs: EngineLogs; logger: Logger } {
  const logs = createEngineLogs(name, config);
  Logger.overrideLogger(logs.nest);
  return { logs, logger: new Logger(context) };
}

/**
 * Nest closes the app on SIGTERM/SIGINT (enableShutdownHooks): the HTTP server stops taking
 * requests and waits for those in flight, workers finish their current jobs. This bounds
 * the wait, so a stuck job cannot keep a stopped process alive forever.
 */
export function boundShutdown(app: INestApplicationContext, config: AppConfig, logger: LoggerService): void {
  app.enableShutdownHooks();
  const onSignal = (signal: NodeJS.Signals) => {
    logger.log(`${signal} received; finishing in-flight work (at most ${config.shutdownTimeoutMs} ms)`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  // Started by the supervisor (`npm start`): if it dies, stop as on SIGTERM rather than run on unwatched.
  if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

let version: string | undefined;
/** The engine's version, from its package.json (found above this file in the source tree and in dist alike). */
export function engineVersion(): string {
  if (version !== undefined) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (
        pkg &&
        typeof pkg === 'object' &&
        'name' in pkg &&
        pkg.name === 'tcma-engine' &&
        'version' in pkg &&
        typeof pkg.version === 'string'
      )
        return (version = pkg.version);
    }
    if (path.dirname(dir) === dir) return (version = 'unknown');
  }
}

/** Where a service URL points, without user or password: `host:port/database`. */
function whereIs(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return '(unreadable URL)';
  }
}

/** The one line a process says once it is up: what runs, which version, and the services it uses. */
export function bootSummary(config: AppConfig): string {
  return `version ${engineVersion()}; database ${whereIs(config.databaseUrl)}; Redis ${whereIs(config.redisUrl)}`;
}

import { ConsoleLogger, INestApplicationContext } from '@nestjs/common';
import { AppConfig, applyDotEnv, ConfigError } from '@tcma/config';
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

export function createLogger(config: AppConfig, context: string): ConsoleLogger {
  return new ConsoleLogger(context, { logLevels: config.nestLogLevels, json: config.logFormat === 'json', timestamp: config.logFormat !== 'json' });
}

/**
 * Nest closes the app on SIGTERM/SIGINT (enableShutdownHooks): the HTTP server stops taking
 * requests and waits for those in flight, workers finish their current jobs. This bounds
 * the wait, so a stuck job cannot keep a stopped process alive forever.
 */
export function boundShutdown(app: INestApplicationContext, config: AppConfig, logger: ConsoleLogger): void {
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

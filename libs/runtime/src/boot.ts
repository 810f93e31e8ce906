import { ConsoleLogger, INestApplicationContext } from '@nestjs/common';
import { AppConfig, ConfigError } from '@tcma/config';

/** Reads the environment; a bad value ends the process with a message naming the variable. */
export function loadConfigOrExit(): AppConfig {
  try {
    return new AppConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
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
}

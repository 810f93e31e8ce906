export { AppConfig, ConfigError, LOG_LEVELS, WORKER_ROLES } from './app-config';
export type { LogLevel, WorkerRole } from './app-config';
export { ConfigModule } from './config.module';

export { AppConfig, ConfigError, DEFAULT_INVITATION_TTL_HOURS, DEFAULT_PASSWORD_RESET_TTL_MINUTES, DEFAULT_SESSION_IDLE_MINUTES, DEFAULT_SESSION_MAX_HOURS, LOG_LEVELS, WORKER_ROLES } from './app-config';
export type { LogLevel, WorkerRole } from './app-config';
export { ConfigModule } from './config.module';
export { applyDotEnv } from './dot-env';

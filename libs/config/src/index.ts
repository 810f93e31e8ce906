export {
  AppConfig,
  ConfigError,
  DEFAULT_SOCIAL_EXPIRY_NOTICE_DAYS,
  DEFAULT_SOCIAL_REFRESH_AHEAD_HOURS,
  DEFAULT_SOCIAL_TIMEOUT_MS,
  DEFAULT_HOUSEKEEPING_INTERVAL_MINUTES,
  DEFAULT_S3_PRESIGN_SECONDS,
  DEFAULT_STORAGE_GC_GRACE_HOURS,
  PUBLIC_FILE_URL_MODES,
  DEFAULT_INVITATION_TTL_HOURS,
  DEFAULT_RATE_LIMITS,
  DEFAULT_PASSWORD_RESET_TTL_MINUTES,
  DEFAULT_SESSION_IDLE_MINUTES,
  DEFAULT_SESSION_MAX_HOURS,
  LOG_LEVELS,
  WORKER_ROLES,
} from './app-config';
export type { LogLevel, PublicFileUrlMode, SocialNetworkSettings, StorageSettings, WorkerRole } from './app-config';
export { ConfigModule } from './config.module';
export { applyDotEnv } from './dot-env';

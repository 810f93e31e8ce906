export { AppConfig, ConfigError } from './app-config';
export type { AssistantSettings } from './assistant-settings';
export { ConfigModule } from './config.module';
export { applyDotEnv } from './dot-env';
export { crashPoint } from './crash-point';
export {
  DEFAULT_CRM_REFRESH_AHEAD_MINUTES,
  DEFAULT_CRM_REVENUE_POLL_MINUTES,
  DEFAULT_CRM_TIMEOUT_MS,
} from './crm-settings';
export type { CrmSettings } from './crm-settings';

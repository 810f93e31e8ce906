export { AppConfig, ConfigError } from './app-config';
export type { AssistantSettings } from './app-config';
export { ConfigModule } from './config.module';
export { applyDotEnv } from './dot-env';
export { crashPoint } from './crash-point';

import { AppConfig } from '@tcma/config';

/** The engine's settings for a test: the run's environment (its database copy, Redis prefix), plus `env`. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return new AppConfig({ ...process.env, ...env });
}

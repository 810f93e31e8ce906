import type { AppConfig } from './app-config';

/**
 * A crash test's hook: when the process was started with CRASH_POINT naming this point, it
 * kills itself with SIGKILL here, as a power cut would, with nothing flushed or rolled back by
 * hand. Never set outside tests.
 */
export function crashPoint(config: AppConfig, point: string): void {
  if (config.crashPoint === point) process.kill(process.pid, 'SIGKILL');
}

import type { LoggerService } from '@nestjs/common';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { createRequire } from 'node:module';
import pino, { DestinationStream, Level, Logger } from 'pino';
import { redactFields, scrubText } from './redaction';

/** LOG_LEVEL names (Nest's) and the pino level each prints from. */
export const PINO_LEVEL: Record<'error' | 'warn' | 'log' | 'debug' | 'verbose', Level> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** LOG_FORMAT: `auto` is JSON unless stdout is a terminal; `text` is the older name of `pretty`. */
export type LogFormat = 'auto' | 'json' | 'pretty' | 'text';

export interface LogSettings {
  logLevel: keyof typeof PINO_LEVEL;
  logFormat: LogFormat;
}

export interface EngineLogsOptions {
  /** Where lines go (default: stdout, written asynchronously). Tests pass a stream of their own. */
  destination?: DestinationStream;
  /** Whether stdout is a terminal (default: process.stdout.isTTY). */
  isTTY?: boolean;
}

export interface EngineLogs {
  /** The process's pino logger; request and job loggers are its children. */
  root: Logger;
  /** The same, as the logger Nest and every `new Logger(Context)` write to. */
  nest: LoggerService;
  /** What was chosen: one JSON object per line, or pino-pretty's lines for a person at a terminal. */
  format: 'json' | 'pretty';
}

/** Nest's own boot chatter: one line per module and per route. Said at debug level, so `LOG_LEVEL=debug` still shows it. */
const NEST_BOOT_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
  'NestMicroservice',
]);

/** Upper-case names beside pino's numeric level, for people and for log stores that match on words. */
const SEVERITY: Record<string, string> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'FATAL',
};

let root: Logger | null = null;
/** Before any process logger exists (unit tests, a harness with Nest's console logger): lines go nowhere. */
const silent = pino({ enabled: false });

/** The process's root logger (a silent one until createEngineLogs has run). */
export function rootLogger(): Logger {
  return root ?? silent;
}

/**
 * The process's logger: pino, JSON by default when stdout is not a terminal, pino-pretty on a
 * terminal (a development dependency: without it, JSON). Secrets are cut by field name and
 * scrubbed from messages and errors (./redaction). Nest's logger writes through it, so every
 * line of a request or a job carries its request id (./request-context).
 */
export function createEngineLogs(name: string, settings: LogSettings, options: EngineLogsOptions = {}): EngineLogs {
  const isTTY = options.isTTY ?? Boolean(process.stdout.isTTY);
  const wantsPretty =
    settings.logFormat === 'pretty' || settings.logFormat === 'text' || (settings.logFormat === 'auto' && isTTY);
  const pretty = wantsPretty && !options.destination ? prettyStream(isTTY) : null;
  const destination = options.destination ?? pretty ?? pino.destination({ dest: 1, sync: false });
  const logger = pino(
    {
      name,
      level: PINO_LEVEL[settings.logLevel],
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label, number) => ({ level: number, severity: SEVERITY[label] ?? label.toUpperCase() }) },
      hooks: { logMethod: scrubArguments },
    },
    destination,
  );
  root = logger;
  const nest = new EngineNestLogger(new PinoLogger({ pinoHttp: { logger } }), {});
  return { root: logger, nest, format: pretty ? 'pretty' : 'json' };
}

/** nestjs-pino's Logger, with Nest's boot chatter moved down to debug. */
class EngineNestLogger extends NestPinoLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && NEST_BOOT_CONTEXTS.has(context)) return super.debug(message, ...optionalParams);
    super.log(message, ...optionalParams);
  }
}

/** pino-pretty, synchronous (it is for a person at a terminal), if it is installed. */
function prettyStream(colorize: boolean): DestinationStream | null {
  try {
    const pinoPretty = createRequire(__filename)('pino-pretty') as (options: object) => DestinationStream;
    return pinoPretty({
      colorize,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,name,severity,context',
      messageFormat: '{if context}[{context}] {end}{msg}',
    });
  } catch {
    return null;
  }
}

/** pino's logMethod hook: fields, messages and errors lose the secrets they hold before they are written. */
function scrubArguments(this: Logger, args: unknown[], method: (...a: unknown[]) => void): void {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg === 'string') args[i] = scrubText(arg);
    else if (arg instanceof Error) args[i] = scrubError(arg);
    else if (arg && typeof arg === 'object') {
      const fields = redactFields(arg);
      args[i] = 'err' in fields && fields.err instanceof Error ? { ...fields, err: scrubError(fields.err) } : fields;
    }
  }
  method.apply(this, args);
}

function scrubError(error: Error): Error {
  const message = scrubText(error.message);
  const stack = error.stack === undefined ? undefined : scrubText(error.stack);
  if (message === error.message && stack === error.stack) return error;
  const copy = new Error(message);
  copy.name = error.name;
  copy.stack = stack;
  return copy;
}

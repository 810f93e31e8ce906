import * as os from 'node:os';
import * as path from 'node:path';
import { AssistantSettings, readAssistant } from './assistant-settings';
import { CrmSettings, readCrm } from './crm-settings';
import { bool, dnsServers, int, listOf, oneOf, secret, str, url } from './env-parsers';
import { Env, envReader } from './env-reader';
import { DEFAULT_RATE_LIMITS, origins, trustProxy } from './http-settings';
import { readSocial, SocialSettings } from './social-settings';
import { PublicFileUrlMode, readStorage, S3Settings, StorageSettings } from './storage-settings';

export const WORKER_ROLES = ['send', 'render', 'enroll', 'sweep', 'track', 'webhook'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A session ends after this long without a request (SESSION_IDLE_MINUTES). */
export const DEFAULT_SESSION_IDLE_MINUTES = 120;
/** And at the latest this long after sign-in, however active (SESSION_MAX_HOURS). */
export const DEFAULT_SESSION_MAX_HOURS = 12;
/** An invitation link works this long (INVITATION_TTL_HOURS); so does the first admin's set-password link. */
export const DEFAULT_INVITATION_TTL_HOURS = 7 * 24;
/** A password-reset link works this long (PASSWORD_RESET_TTL_MINUTES). */
export const DEFAULT_PASSWORD_RESET_TTL_MINUTES = 60;

/** One DNS query of the sending-settings DNS check may take this long, then once more (DNS_TIMEOUT_MS). */
export const DEFAULT_DNS_TIMEOUT_MS = 2000;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The engine's settings, read once at boot from environment variables. Every field has a
 * default that works on a developer machine with local Postgres and Redis, so the engine
 * starts with zero configuration; README "Configuration" lists them all.
 */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  readonly publicBaseUrl: string;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly migrationsRun: boolean;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** `auto`: JSON unless stdout is a terminal (then pino-pretty); `text` is the older name of `pretty`. */
  readonly logFormat: 'auto' | 'json' | 'pretty' | 'text';
  /** One info line per HTTP request (ACCESS_LOG). */
  readonly accessLog: boolean;
  /** Prometheus series (METRICS): off, the API has no /metrics, a worker no metrics port, and nothing is timed. */
  readonly metricsEnabled: boolean;
  /** The vendor whose admins operate the installation (the queue dashboard); unset: nobody. */
  readonly instanceOperatorVendorId: string | undefined;
  readonly workerRoles: WorkerRole[];
  readonly smtpUrl: string | undefined;
  readonly smtpMaxConnections: number;
  readonly sendRatePerSecond: number;
  readonly sendConcurrency: number;
  readonly sweepIntervalSeconds: number;
  /** How often a worker writes its heartbeat; two missed beats and it counts as dead. */
  readonly workerHeartbeatSeconds: number;
  /** How often the track role judges new opens and clicks and rolls up the funnel. */
  readonly trackIntervalSeconds: number;
  readonly queueHorizonMs: number;
  readonly requeueAfterMs: number;
  readonly maxLatenessMs: number;
  readonly sendLeaseMs: number;
  /** How long the programme sweep's claim on a due pending launch lasts before another sweeper may take it. */
  readonly programmeStartLeaseMs: number;
  /**
   * Tests only: a named point in the code at which the process kills itself with SIGKILL, so a
   * crash test dies exactly there (e.g. `programmes.pending-launch-marked-started`). Unset: none.
   */
  readonly crashPoint: string | undefined;
  readonly sendRetryBaseMs: number;
  readonly sendingDomain: string | undefined;
  /** The DNS servers the sending-settings DNS check asks (unset: the system's). */
  readonly dnsServers: string[] | undefined;
  /** How long one DNS query may take before it is tried again (twice in all), then reported unresolved. */
  readonly dnsTimeoutMs: number;
  /** The SPF include suggested to vendors (unset: guessed from their SMTP host). */
  readonly spfInclude: string | undefined;
  readonly signingSecret: string | undefined;
  readonly maxPdfBytes: number;
  readonly maxImageBytes: number;
  readonly maxImportBytes: number;
  readonly shutdownTimeoutMs: number;
  readonly renderThreads: number;
  readonly renderConcurrency: number;
  /** Landing-page form submissions per minute per client address, and per page (all addresses). */
  readonly formRatePerIp: number;
  readonly formRatePerPage: number;
  /** Hosts or addresses webhooks may reach although private or loopback (tests, a CRM on the same network). */
  readonly webhookAllowedPrivateTargets: ReadonlySet<string>;
  /** First wait before a failed webhook delivery is tried again; doubles per attempt. */
  readonly webhookRetryBaseMs: number;
  /** Signing in from a browser (README "Signing in"). */
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly invitationTtlHours: number;
  readonly passwordResetTtlMinutes: number;
  readonly signInMaxFailuresPerAccount: number;
  readonly signInMaxFailuresPerAddress: number;
  readonly signInThrottleWindowMinutes: number;
  /** Express's "trust proxy": which proxies' X-Forwarded-For names the client's address (per-address throttling). */
  readonly trustProxy: boolean | number | string;
  /** The bearer token /metrics asks for; without one /metrics is not served (404). */
  readonly metricsToken: string | undefined;
  /** The port a worker serves /metrics on; undefined: none. */
  readonly workerMetricsPort: number | undefined;
  /** Origins allowed to call the API cross-site (CORS); empty: none. */
  readonly corsOrigins: string[];
  readonly rateLimitPerClient: number;
  readonly rateLimitPerAddress: number;
  readonly rateLimitSignIn: number;
  readonly rateLimitSensitive: number;
  readonly rateLimitUnknownSocialLinks: number;
  /** Where stored files live (STORAGE_URL; README "Running on several hosts"). */
  readonly storage: StorageSettings;
  /** The S3-compatible service: endpoint (unset: AWS), region, credentials (unset: the SDK's default chain), path-style addressing. */
  readonly s3: S3Settings;
  readonly publicFileUrls: PublicFileUrlMode;
  /** Stored files no longer referenced are removed this long after, in ms. */
  readonly storageGcGraceMs: number;
  readonly housekeepingIntervalMinutes: number;
  /** Whole months of events kept before the current one; undefined: every event is kept. */
  readonly eventsRetentionMonths: number | undefined;
  /** Social networks partners connect (README "Social connections"): a network without a client id and secret cannot be connected. */
  readonly social: SocialSettings;
  /** CRMs (HUBSPOT_*, SALESFORCE_*, CRM_*): leads written there, won deals read back. */
  readonly crm: CrmSettings;
  /** The assistant's model (AI_*): off unless configured. */
  readonly assistant: AssistantSettings;

  constructor(env: Env = process.env) {
    const problems: string[] = [];
    const reader = envReader(env, problems);
    const { read, optional } = reader;

    this.port = read('PORT', int(1, 65535), 3000);
    this.host = read('HOST', str, '0.0.0.0');
    this.publicBaseUrl = read('PUBLIC_BASE_URL', url(['http', 'https']), `http://localhost:${this.port}`).replace(
      /\/+$/,
      '',
    );
    this.databaseUrl = read('DATABASE_URL', url(['postgres', 'postgresql']), 'postgres://postgres@127.0.0.1:5432/tcma');
    this.databasePoolSize = read('DATABASE_POOL_SIZE', int(1, 200), 10);
    this.migrationsRun = read('MIGRATIONS_RUN', bool, true);
    this.redisUrl = read('REDIS_URL', url(['redis', 'rediss']), 'redis://127.0.0.1:6379');
    this.queuePrefix = read('QUEUE_PREFIX', str, 'tcma');
    this.dataDir = path.resolve(read('DATA_DIR', str, 'data'));
    this.logLevel = read('LOG_LEVEL', oneOf(LOG_LEVELS), 'log');
    this.logFormat = read('LOG_FORMAT', oneOf(['auto', 'json', 'pretty', 'text'] as const), 'auto');
    this.accessLog = read('ACCESS_LOG', bool, true);
    this.metricsEnabled = read('METRICS', bool, true);
    this.instanceOperatorVendorId = optional('INSTANCE_OPERATOR_VENDOR_ID', (raw) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw))
        throw new Error("must be a vendor's id (a UUID)");
      return raw;
    });
    this.workerRoles = read('WORKER_ROLES', listOf(WORKER_ROLES), [...WORKER_ROLES]);
    this.smtpUrl = optional('SMTP_URL', url(['smtp', 'smtps']));
    this.smtpMaxConnections = read('SMTP_MAX_CONNECTIONS', int(1, 100), 5);
    this.sendRatePerSecond = read('SEND_RATE_PER_SECOND', int(1, 100_000), 100);
    this.sendConcurrency = read('SEND_CONCURRENCY', int(1, 1000), 4);
    this.sweepIntervalSeconds = read('SWEEP_INTERVAL_SECONDS', int(1, 3600), 5);
    this.workerHeartbeatSeconds = read('WORKER_HEARTBEAT_SECONDS', int(1, 60), 5);
    this.trackIntervalSeconds = read('TRACK_INTERVAL_SECONDS', int(1, 3600), 5);
    this.queueHorizonMs = read('QUEUE_HORIZON_MS', int(1000, 86_400_000), 10 * 60_000);
    this.requeueAfterMs = read('REQUEUE_AFTER_MS', int(1000, 86_400_000), 5 * 60_000);
    this.maxLatenessMs = read('MAX_LATENESS_MS', int(60_000, 30 * 86_400_000), 6 * 3_600_000);
    this.sendLeaseMs = read('SEND_LEASE_MS', int(1000, 3_600_000), 5 * 60_000);
    this.programmeStartLeaseMs = read('PROGRAMME_START_LEASE_MS', int(1000, 3_600_000), 10 * 60_000);
    this.crashPoint = optional('CRASH_POINT', str);
    this.sendRetryBaseMs = read('SEND_RETRY_BASE_MS', int(10, 3_600_000), 60_000);
    this.sendingDomain = optional('SENDING_DOMAIN', str);
    this.dnsServers = optional('DNS_SERVERS', dnsServers);
    this.dnsTimeoutMs = read('DNS_TIMEOUT_MS', int(100, 30_000), DEFAULT_DNS_TIMEOUT_MS);
    this.spfInclude = optional('SPF_INCLUDE', (raw) => {
      if (!/^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(raw))
        throw new Error('must be a domain name such as _spf.mail-provider.example');
      return raw.toLowerCase();
    });
    this.signingSecret = optional('SIGNING_SECRET', secret);
    this.maxPdfBytes = read('MAX_PDF_BYTES', int(1024, 200 * 1024 * 1024), 20 * 1024 * 1024);
    this.maxImageBytes = read('MAX_IMAGE_BYTES', int(1024, 100 * 1024 * 1024), 10 * 1024 * 1024);
    const cores = Math.max(1, os.availableParallelism());
    this.renderThreads = read('RENDER_THREADS', int(0, 64), cores);
    this.renderConcurrency = read('RENDER_CONCURRENCY', int(1, 256), cores * 2);
    this.maxImportBytes = read('MAX_IMPORT_BYTES', int(1024, 10 * 1024 * 1024 * 1024), 512 * 1024 * 1024);
    this.shutdownTimeoutMs = read('SHUTDOWN_TIMEOUT_MS', int(0, 600_000), 30_000);
    this.formRatePerIp = read('FORM_RATE_PER_IP', int(1, 100_000), 10);
    this.formRatePerPage = read('FORM_RATE_PER_PAGE', int(1, 1_000_000), 600);
    this.webhookAllowedPrivateTargets = new Set(
      read(
        'WEBHOOK_ALLOWED_PRIVATE_TARGETS',
        (raw) =>
          raw
            .split(',')
            .map((h) => h.trim().replace(/^\[|\]$/g, ''))
            .filter(Boolean),
        [] as string[],
      ),
    );
    this.webhookRetryBaseMs = read('WEBHOOK_RETRY_BASE_MS', int(10, 3_600_000), 30_000);
    this.sessionIdleMinutes = read('SESSION_IDLE_MINUTES', int(1, 7 * 24 * 60), DEFAULT_SESSION_IDLE_MINUTES);
    this.sessionMaxHours = read('SESSION_MAX_HOURS', int(1, 90 * 24), DEFAULT_SESSION_MAX_HOURS);
    this.invitationTtlHours = read('INVITATION_TTL_HOURS', int(1, 90 * 24), DEFAULT_INVITATION_TTL_HOURS);
    this.passwordResetTtlMinutes = read(
      'PASSWORD_RESET_TTL_MINUTES',
      int(5, 7 * 24 * 60),
      DEFAULT_PASSWORD_RESET_TTL_MINUTES,
    );
    this.signInMaxFailuresPerAccount = read('SIGN_IN_MAX_FAILURES_PER_ACCOUNT', int(1, 1000), 5);
    this.signInMaxFailuresPerAddress = read('SIGN_IN_MAX_FAILURES_PER_ADDRESS', int(1, 100_000), 50);
    this.signInThrottleWindowMinutes = read('SIGN_IN_THROTTLE_WINDOW_MINUTES', int(1, 24 * 60), 15);
    this.trustProxy = read('TRUST_PROXY', trustProxy, false);
    this.metricsToken = optional('METRICS_TOKEN', (raw) => {
      if (raw.length < 16) throw new Error('must be at least 16 characters long');
      return raw;
    });
    this.workerMetricsPort = optional('WORKER_METRICS_PORT', int(1, 65535));
    this.corsOrigins = read('CORS_ORIGINS', origins, []);
    this.rateLimitPerClient = read('RATE_LIMIT_PER_MINUTE', int(1, 10_000_000), DEFAULT_RATE_LIMITS.perClient);
    this.rateLimitPerAddress = read(
      'RATE_LIMIT_PER_ADDRESS_PER_MINUTE',
      int(1, 10_000_000),
      DEFAULT_RATE_LIMITS.perAddress,
    );
    this.rateLimitSignIn = read('RATE_LIMIT_SIGN_IN_PER_MINUTE', int(1, 1_000_000), DEFAULT_RATE_LIMITS.signIn);
    this.rateLimitSensitive = read('RATE_LIMIT_SENSITIVE_PER_MINUTE', int(1, 1_000_000), DEFAULT_RATE_LIMITS.sensitive);
    this.rateLimitUnknownSocialLinks = read(
      'RATE_LIMIT_UNKNOWN_SOCIAL_LINKS_PER_MINUTE',
      int(1, 1_000_000),
      DEFAULT_RATE_LIMITS.unknownSocialLinks,
    );

    const files = readStorage(reader, this.dataDir, this.maxImportBytes);
    this.storage = files.storage;
    this.s3 = files.s3;
    this.publicFileUrls = files.publicFileUrls;
    this.storageGcGraceMs = files.storageGcGraceMs;
    this.housekeepingIntervalMinutes = files.housekeepingIntervalMinutes;
    this.eventsRetentionMonths = optional('EVENTS_RETENTION_MONTHS', int(1, 1200));

    this.social = readSocial(reader);
    this.crm = readCrm(reader);
    this.assistant = readAssistant(reader);

    if (problems.length) throw new ConfigError(problems);
  }

  /**
   * Settings that work but that an operator should hear about at boot. An http
   * PUBLIC_BASE_URL puts http unsubscribe links in every email, and Gmail and Yahoo act on a
   * one-click List-Unsubscribe only when it is https. A loopback address is exempt: links to
   * it reach nobody outside this machine anyway, so it only ever serves local development.
   */
  get bootWarnings(): string[] {
    const base = new URL(this.publicBaseUrl);
    const loopback =
      base.hostname === 'localhost' ||
      base.hostname.endsWith('.localhost') ||
      /^127\./.test(base.hostname) ||
      base.hostname === '[::1]';
    if (base.protocol === 'https:' || loopback) return [];
    return [
      `PUBLIC_BASE_URL is ${this.publicBaseUrl}: the unsubscribe and tracking links in emails will be http, and Gmail and Yahoo ignore a one-click unsubscribe that is not https; set PUBLIC_BASE_URL to the engine's https address`,
    ];
  }

  /** Log levels Nest's logger should print, from the chosen threshold upwards. */
  get nestLogLevels(): LogLevel[] {
    return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(this.logLevel) + 1);
  }
}

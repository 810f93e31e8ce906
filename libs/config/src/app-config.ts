import * as os from 'node:os';
import * as path from 'node:path';
import { OAuthClientSettings } from './oauth-client-settings';
import {
  CrmSettings,
  DEFAULT_CRM_REFRESH_AHEAD_MINUTES,
  DEFAULT_CRM_REVENUE_POLL_MINUTES,
  DEFAULT_CRM_TIMEOUT_MS,
} from './crm-settings';
import { bool, dnsServers, EnvParser, int, listOf, oneOf, secret, str, url } from './env-parsers';

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

/** TRUST_PROXY: true/false, a number of proxy hops, or Express's names and addresses ("loopback", "10.0.0.0/8"). */
const trustProxy: EnvParser<boolean | number | string> = (raw) => {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[\w.:/, -]+$/.test(raw)) throw new Error('must be true, false, a hop count, or proxy addresses/names');
  return raw;
};

/** CORS_ORIGINS: browser origins (scheme://host[:port]) allowed to call the API from other sites. */
const origins: EnvParser<string[]> = (raw) => {
  const items = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const bad = items.filter((o) => {
    try {
      const u = new URL(o);
      return !['http:', 'https:'].includes(u.protocol) || u.origin !== o.replace(/\/+$/, '');
    } catch {
      return true;
    }
  });
  if (bad.length)
    throw new Error(`must be comma-separated origins like https://app.example.com (not ${bad.join(', ')})`);
  return items.map((o) => new URL(o).origin);
};

/** Where stored files live: the local data directory, or an S3-compatible bucket (STORAGE_URL=s3://bucket/prefix). */
export type StorageSettings = { kind: 'local'; dir: string } | { kind: 's3'; bucket: string; prefix: string };

/** How the public files of emails (partner logos) reach mail clients (PUBLIC_FILE_URLS; README "Running on several hosts"). */
export const PUBLIC_FILE_URL_MODES = ['api', 'presigned', 'public'] as const;
export type PublicFileUrlMode = (typeof PUBLIC_FILE_URL_MODES)[number];

/** Stored files no longer referenced are removed this long after (STORAGE_GC_GRACE_HOURS). */
export const DEFAULT_STORAGE_GC_GRACE_HOURS = 7 * 24;
/** How often a sweep worker runs the housekeeping: partitions, retention, stored files (HOUSEKEEPING_INTERVAL_MINUTES). */
export const DEFAULT_HOUSEKEEPING_INTERVAL_MINUTES = 60;
/** A presigned address the API redirects to stays valid this long (S3_PRESIGN_SECONDS). */
export const DEFAULT_S3_PRESIGN_SECONDS = 3600;

/** STORAGE_URL: s3://bucket[/prefix]; the prefix gets a trailing slash. */
const storageUrl: EnvParser<{ bucket: string; prefix: string }> = (raw) => {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error('must be s3://bucket/prefix (or unset for the local DATA_DIR)');
  }
  if (u.protocol !== 's3:' || u.username || u.password || u.port || u.search || u.hash)
    throw new Error('must be s3://bucket/prefix (or unset for the local DATA_DIR)');
  // S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(u.hostname))
    throw new Error('names a bucket that is not a valid S3 bucket name');
  const prefix = decodeURIComponent(u.pathname).replace(/^\/+|\/+$/g, '');
  if (prefix && (/[^A-Za-z0-9_./-]/.test(prefix) || prefix.split('/').some((p) => p === '' || p === '.' || p === '..')))
    throw new Error('has a prefix that is not a plain path (letters, digits, - _ . / only)');
  return { bucket: u.hostname, prefix: prefix ? `${prefix}/` : '' };
};

/** Requests per minute through the HTTP rate limits (README "Operations"). */
export const DEFAULT_RATE_LIMITS = {
  /** Per API token or session (per address for anonymous requests). */
  perClient: 6000,
  /** Per client address, whatever the credential: many users may share one behind a NAT. */
  perAddress: 30_000,
  /** Sign-in, password-reset and invitation requests per address. */
  signIn: 100,
  /** Token creation and uploads (files, logos, prospect imports) per token or session. */
  sensitive: 300,
  /**
   * Social short links (/s/<code>) with a code no live post has, per address: a person follows
   * links that exist, so only guessing reaches it; real links are never counted nor refused.
   */
  unknownSocialLinks: 30,
} as const;

/** One social network's OAuth client and hosts (README "Social connections"). */
export type SocialNetworkSettings = OAuthClientSettings;

/** A call to a social network (token, upload, post) may take this long (SOCIAL_TIMEOUT_MS). */
export const DEFAULT_SOCIAL_TIMEOUT_MS = 30_000;
/** Access tokens are refreshed once less than this much of their life remains (SOCIAL_REFRESH_AHEAD_HOURS). */
export const DEFAULT_SOCIAL_REFRESH_AHEAD_HOURS = 24;
/** A connection that will stop working within this many days is announced to the partner (SOCIAL_EXPIRY_NOTICE_DAYS). */
export const DEFAULT_SOCIAL_EXPIRY_NOTICE_DAYS = 7;

/** A call to the assistant's model may take this long (AI_TIMEOUT_MS). */
export const DEFAULT_AI_TIMEOUT_MS = 30_000;
/** Tokens each vendor may spend on the assistant in a calendar month (AI_MONTHLY_TOKENS_PER_VENDOR); a vendor admin may set less. */
export const DEFAULT_AI_MONTHLY_TOKENS_PER_VENDOR = 500_000;
/** Calls to the model each vendor may make in a minute, its partners' included (AI_CALLS_PER_MINUTE_PER_VENDOR). */
export const DEFAULT_AI_CALLS_PER_MINUTE_PER_VENDOR = 20;
/** The longest answer asked of the model, in tokens (AI_MAX_ANSWER_TOKENS). */
export const DEFAULT_AI_MAX_ANSWER_TOKENS = 1_000;

/**
 * The assistant's model (an OpenAI-compatible Chat Completions API): off unless AI_BASE_URL and
 * AI_MODEL are both set, and then nothing but what docs/guide/assistant-data.md lists is sent.
 */
export interface AssistantSettings {
  /** Unset: the assistant is off and nothing leaves the installation. */
  baseUrl: string | undefined;
  apiKey: string | undefined;
  model: string | undefined;
  timeoutMs: number;
  monthlyTokensPerVendor: number;
  callsPerMinutePerVendor: number;
  maxAnswerTokens: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

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
  readonly s3: {
    endpoint: string | undefined;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    forcePathStyle: boolean;
    publicUrl: string | undefined;
    presignSeconds: number;
  };
  readonly publicFileUrls: PublicFileUrlMode;
  /** Stored files no longer referenced are removed this long after, in ms. */
  readonly storageGcGraceMs: number;
  readonly housekeepingIntervalMinutes: number;
  /** Whole months of events kept before the current one; undefined: every event is kept. */
  readonly eventsRetentionMonths: number | undefined;
  /** Social networks partners connect (README "Social connections"): a network without a client id and secret cannot be connected. */
  readonly social: {
    linkedin: SocialNetworkSettings;
    x: SocialNetworkSettings;
    facebook: SocialNetworkSettings;
    timeoutMs: number;
    refreshAheadMs: number;
    expiryNoticeMs: number;
  };
  /** CRMs (HUBSPOT_*, SALESFORCE_*, CRM_*): leads written there, won deals read back. */
  readonly crm: CrmSettings;
  /** The assistant's model (AI_*): off unless configured. */
  readonly assistant: AssistantSettings;

  constructor(env: Env = process.env) {
    const problems: string[] = [];
    const read = <T>(name: string, parser: EnvParser<T>, fallback: T): T => {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      try {
        return parser(raw);
      } catch (e) {
        problems.push(`${name}: ${(e as Error).message} (got "${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}")`);
        return fallback;
      }
    };
    const optional = <T>(name: string, parser: EnvParser<T>): T | undefined =>
      read<T | undefined>(name, parser, undefined);

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

    const s3Bucket = optional('STORAGE_URL', storageUrl);
    this.storage = s3Bucket ? { kind: 's3', ...s3Bucket } : { kind: 'local', dir: this.dataDir };
    const accessKeyId = optional('S3_ACCESS_KEY_ID', str);
    const secretAccessKey = optional('S3_SECRET_ACCESS_KEY', str);
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
      problems.push(
        'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither (neither: the AWS SDK finds credentials itself)',
      );
    this.s3 = {
      endpoint: optional('S3_ENDPOINT', url(['http', 'https']))?.replace(/\/+$/, ''),
      region: read(
        'S3_REGION',
        (raw) => {
          if (!/^[a-z0-9-]{2,32}$/.test(raw)) throw new Error('must be a region name such as us-east-1 or auto');
          return raw;
        },
        'us-east-1',
      ),
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      forcePathStyle: read('S3_FORCE_PATH_STYLE', bool, false),
      publicUrl: optional('S3_PUBLIC_URL', url(['http', 'https']))?.replace(/\/+$/, ''),
      presignSeconds: read('S3_PRESIGN_SECONDS', int(60, 7 * 86_400), DEFAULT_S3_PRESIGN_SECONDS),
    };
    // An S3 store copies a streamed upload to its content address in one CopyObject, 5 GiB at most.
    if (this.storage.kind === 's3' && this.maxImportBytes > 5 * 1024 ** 3)
      problems.push(
        'MAX_IMPORT_BYTES: at most 5368709120 (5 GiB) with an S3 store (STORAGE_URL=s3://…), the largest object S3 copies in one request',
      );
    this.publicFileUrls = read('PUBLIC_FILE_URLS', oneOf(PUBLIC_FILE_URL_MODES), 'api');
    if (this.publicFileUrls !== 'api' && this.storage.kind !== 's3')
      problems.push(
        `PUBLIC_FILE_URLS: ${this.publicFileUrls} needs an S3 store (STORAGE_URL=s3://bucket/prefix); with the local DATA_DIR only api works`,
      );
    if (this.publicFileUrls === 'public' && !this.s3.publicUrl)
      problems.push(
        "S3_PUBLIC_URL: PUBLIC_FILE_URLS=public needs the public address of the bucket's public/ folder (https://bucket.example.com/prefix/public)",
      );
    this.storageGcGraceMs =
      read('STORAGE_GC_GRACE_HOURS', int(1, 24 * 365), DEFAULT_STORAGE_GC_GRACE_HOURS) * 3_600_000;
    this.housekeepingIntervalMinutes = read(
      'HOUSEKEEPING_INTERVAL_MINUTES',
      int(1, 60),
      DEFAULT_HOUSEKEEPING_INTERVAL_MINUTES,
    );
    this.eventsRetentionMonths = optional('EVENTS_RETENTION_MONTHS', int(1, 1200));

    /** Without an API host of its own (Salesforce: each organisation's is in its token answer) the API URL is the auth URL. */
    const network = (prefix: string, authUrl: string, apiUrl?: string): SocialNetworkSettings => {
      const clientId = optional(`${prefix}_CLIENT_ID`, str);
      const clientSecret = optional(`${prefix}_CLIENT_SECRET`, str);
      if ((clientId === undefined) !== (clientSecret === undefined))
        problems.push(
          `${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET: set both or neither (neither: partners cannot connect this network)`,
        );
      const auth = read(`${prefix}_AUTH_URL`, url(['http', 'https']), authUrl).replace(/\/+$/, '');
      return {
        clientId,
        clientSecret,
        authUrl: auth,
        apiUrl:
          apiUrl === undefined ? auth : read(`${prefix}_API_URL`, url(['http', 'https']), apiUrl).replace(/\/+$/, ''),
        scopes: optional(`${prefix}_SCOPES`, str)
          ?.split(/[\s,]+/)
          .filter(Boolean),
      };
    };
    this.social = {
      linkedin: network('LINKEDIN', 'https://www.linkedin.com', 'https://api.linkedin.com'),
      x: network('X', 'https://x.com', 'https://api.x.com'),
      facebook: network('FACEBOOK', 'https://www.facebook.com', 'https://graph.facebook.com'),
      timeoutMs: read('SOCIAL_TIMEOUT_MS', int(100, 600_000), DEFAULT_SOCIAL_TIMEOUT_MS),
      refreshAheadMs:
        read('SOCIAL_REFRESH_AHEAD_HOURS', int(1, 24 * 30), DEFAULT_SOCIAL_REFRESH_AHEAD_HOURS) * 3_600_000,
      expiryNoticeMs: read('SOCIAL_EXPIRY_NOTICE_DAYS', int(1, 60), DEFAULT_SOCIAL_EXPIRY_NOTICE_DAYS) * 86_400_000,
    };

    this.crm = {
      hubspot: network('HUBSPOT', 'https://app.hubspot.com', 'https://api.hubapi.com'),
      salesforce: network('SALESFORCE', 'https://login.salesforce.com'),
      revenuePollMs: read('CRM_REVENUE_POLL_MINUTES', int(1, 1440), DEFAULT_CRM_REVENUE_POLL_MINUTES) * 60_000,
      timeoutMs: read('CRM_TIMEOUT_MS', int(100, 600_000), DEFAULT_CRM_TIMEOUT_MS),
      refreshAheadMs: read('CRM_REFRESH_AHEAD_MINUTES', int(1, 1440), DEFAULT_CRM_REFRESH_AHEAD_MINUTES) * 60_000,
    };

    const aiBaseUrl = optional('AI_BASE_URL', url(['http', 'https']))?.replace(/\/+$/, '');
    const aiModel = optional('AI_MODEL', (raw) => {
      if (raw.length > 200 || /[^\x21-\x7e]/.test(raw))
        throw new Error('must be a model name: printable ASCII, no spaces');
      return raw;
    });
    if ((aiBaseUrl === undefined) !== (aiModel === undefined))
      problems.push(
        'AI_BASE_URL and AI_MODEL: set both or neither (neither: the assistant is off and nothing is sent to a model)',
      );
    this.assistant = {
      baseUrl: aiBaseUrl,
      apiKey: optional('AI_API_KEY', str),
      model: aiModel,
      timeoutMs: read('AI_TIMEOUT_MS', int(100, 600_000), DEFAULT_AI_TIMEOUT_MS),
      monthlyTokensPerVendor: read(
        'AI_MONTHLY_TOKENS_PER_VENDOR',
        int(0, 1_000_000_000),
        DEFAULT_AI_MONTHLY_TOKENS_PER_VENDOR,
      ),
      callsPerMinutePerVendor: read(
        'AI_CALLS_PER_MINUTE_PER_VENDOR',
        int(1, 10_000),
        DEFAULT_AI_CALLS_PER_MINUTE_PER_VENDOR,
      ),
      maxAnswerTokens: read('AI_MAX_ANSWER_TOKENS', int(16, 32_000), DEFAULT_AI_MAX_ANSWER_TOKENS),
    };

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

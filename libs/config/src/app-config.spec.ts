import { AppConfig, ConfigError } from './app-config';

describe(AppConfig.name, () => {
  it('works with no configuration at all', () => {
    const sut = new AppConfig({});
    expect(sut.port).toBe(3000);
    expect(sut.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/tcma');
    expect(sut.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(sut.publicBaseUrl).toBe('http://localhost:3000');
    expect(sut.smtpUrl).toBeUndefined();
    expect(sut.workerRoles).toEqual(['send', 'render', 'enroll', 'sweep', 'track', 'webhook']);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      new AppConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WORKER_ROLES: 'send,cook', SIGNING_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT: must be an integer between 1 and 65535 (got "eighty")');
    expect(message).toContain('DATABASE_URL: must use one of the protocols postgres, postgresql');
    expect(message).toContain('WORKER_ROLES: must be a comma-separated list');
    expect(message).toContain('SIGNING_SECRET: must be at least 32 characters long');
  });

  it('reads overrides', () => {
    const sut = new AppConfig({
      PORT: '8080',
      PUBLIC_BASE_URL: 'https://engine.example.com/',
      WORKER_ROLES: 'send, sweep',
      LOG_LEVEL: 'debug',
    });
    expect(sut.port).toBe(8080);
    expect(sut.publicBaseUrl).toBe('https://engine.example.com');
    expect(sut.workerRoles).toEqual(['send', 'sweep']);
    expect(sut.nestLogLevels).toEqual(['error', 'warn', 'log', 'debug']);
  });

  it('reads DNS_SERVERS as addresses with optional ports, and refuses names', () => {
    expect(new AppConfig({ DNS_SERVERS: '127.0.0.1:5353, 1.1.1.1,[::1]:53,2001:db8::1' }).dnsServers).toEqual([
      '127.0.0.1:5353',
      '1.1.1.1',
      '[::1]:53',
      '2001:db8::1',
    ]);
    expect(new AppConfig({}).dnsServers).toBeUndefined();
    expect(() => new AppConfig({ DNS_SERVERS: 'dns.example' })).toThrow(
      /DNS_SERVERS: must be a comma-separated list of IP addresses/,
    );
    expect(() => new AppConfig({ DNS_SERVERS: '127.0.0.1:99999' })).toThrow(/DNS_SERVERS/);
  });

  it('warns about an http PUBLIC_BASE_URL, except on a loopback address', () => {
    expect(new AppConfig({ PUBLIC_BASE_URL: 'http://engine.example.com' }).bootWarnings).toEqual([
      expect.stringMatching(/^PUBLIC_BASE_URL is http:\/\/engine\.example\.com: .*https/),
    ]);
    expect(new AppConfig({ PUBLIC_BASE_URL: 'http://192.168.1.10:3000' }).bootWarnings).toHaveLength(1);
    for (const quiet of [
      'https://engine.example.com',
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
      'http://tcma.localhost',
    ]) {
      expect([quiet, new AppConfig({ PUBLIC_BASE_URL: quiet }).bootWarnings]).toEqual([quiet, []]);
    }
    expect(new AppConfig({}).bootWarnings).toEqual([]);
  });

  it('keeps stored files in DATA_DIR by default, and in an S3 bucket under a prefix with STORAGE_URL', () => {
    const local = new AppConfig({ DATA_DIR: '/srv/tcma' });
    expect(local.storage).toEqual({ kind: 'local', dir: '/srv/tcma' });
    expect(local.publicFileUrls).toBe('api');
    expect(local.storageGcGraceMs).toBe(7 * 24 * 3_600_000);
    expect(local.eventsRetentionMonths).toBeUndefined();
    const s3 = new AppConfig({
      STORAGE_URL: 's3://tcma-files/prod/engine/',
      S3_ENDPOINT: 'http://minio:9000/',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(s3.storage).toEqual({ kind: 's3', bucket: 'tcma-files', prefix: 'prod/engine/' });
    expect(s3.s3).toMatchObject({
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    expect(new AppConfig({ STORAGE_URL: 's3://tcma-files' }).storage).toEqual({
      kind: 's3',
      bucket: 'tcma-files',
      prefix: '',
    });
    expect(new AppConfig({ STORAGE_URL: 's3://tcma-files' }).s3.credentials).toBeUndefined();
  });

  it('reads the social networks: real hosts by default, a client id only with its secret', () => {
    const none = new AppConfig({});
    expect(none.social).toMatchObject({
      linkedin: { clientId: undefined, authUrl: 'https://www.linkedin.com', apiUrl: 'https://api.linkedin.com' },
      x: { authUrl: 'https://x.com', apiUrl: 'https://api.x.com' },
      facebook: { authUrl: 'https://www.facebook.com', apiUrl: 'https://graph.facebook.com' },
      timeoutMs: 30_000,
      refreshAheadMs: 24 * 3_600_000,
      expiryNoticeMs: 7 * 86_400_000,
    });
    const set = new AppConfig({
      X_CLIENT_ID: 'id',
      X_CLIENT_SECRET: 'secret',
      X_API_URL: 'http://127.0.0.1:9999/',
      SOCIAL_REFRESH_AHEAD_HOURS: '2',
    });
    expect(set.social.x).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      authUrl: 'https://x.com',
      apiUrl: 'http://127.0.0.1:9999',
    });
    expect(set.social.refreshAheadMs).toBe(2 * 3_600_000);
    expect(() => new AppConfig({ LINKEDIN_CLIENT_ID: 'only-the-id' })).toThrow(
      /LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET: set both or neither/,
    );
    expect(() => new AppConfig({ FACEBOOK_API_URL: 'graph.facebook.com' })).toThrow(/FACEBOOK_API_URL: must be a URL/);
  });

  it("reads the CRMs: Salesforce on its login host (its API is each org's instance), the revenue poll interval", () => {
    const none = new AppConfig({});
    expect(none.crm.salesforce).toEqual({
      clientId: undefined,
      clientSecret: undefined,
      authUrl: 'https://login.salesforce.com',
      apiUrl: 'https://login.salesforce.com',
      scopes: undefined,
    });
    expect(none.crm.revenuePollMs).toBe(15 * 60_000);
    const set = new AppConfig({
      SALESFORCE_CLIENT_ID: 'id',
      SALESFORCE_CLIENT_SECRET: 'secret',
      SALESFORCE_AUTH_URL: 'https://test.salesforce.com/',
      SALESFORCE_SCOPES: 'api,refresh_token',
      CRM_REVENUE_POLL_MINUTES: '60',
    });
    expect(set.crm.salesforce).toMatchObject({
      clientId: 'id',
      authUrl: 'https://test.salesforce.com',
      scopes: ['api', 'refresh_token'],
    });
    expect(set.crm.revenuePollMs).toBe(60 * 60_000);
    expect(() => new AppConfig({ CRM_REVENUE_POLL_MINUTES: '0' })).toThrow(/CRM_REVENUE_POLL_MINUTES/);
    expect(() => new AppConfig({ SALESFORCE_CLIENT_SECRET: 'only-the-secret' })).toThrow(
      /SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET: set both or neither/,
    );
  });

  it('refuses storage settings that cannot work, naming the variable', () => {
    expect(() => new AppConfig({ STORAGE_URL: 'ftp://files' })).toThrow(/STORAGE_URL: must be s3:\/\/bucket\/prefix/);
    expect(() => new AppConfig({ STORAGE_URL: 's3://Bad_Bucket/x' })).toThrow(/STORAGE_URL: names a bucket/);
    expect(() => new AppConfig({ STORAGE_URL: 's3://files/my%20files' })).toThrow(
      /STORAGE_URL: has a prefix that is not a plain path/,
    );
    expect(() => new AppConfig({ STORAGE_URL: 's3://files/a//b' })).toThrow(/STORAGE_URL: has a prefix/);
    expect(() => new AppConfig({ STORAGE_URL: 's3://files', S3_ACCESS_KEY_ID: 'only-the-key' })).toThrow(
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither/,
    );
    expect(() => new AppConfig({ PUBLIC_FILE_URLS: 'presigned' })).toThrow(
      /PUBLIC_FILE_URLS: presigned needs an S3 store/,
    );
    expect(() => new AppConfig({ STORAGE_URL: 's3://files', PUBLIC_FILE_URLS: 'public' })).toThrow(
      /S3_PUBLIC_URL: PUBLIC_FILE_URLS=public needs/,
    );
    expect(
      new AppConfig({
        STORAGE_URL: 's3://files',
        PUBLIC_FILE_URLS: 'public',
        S3_PUBLIC_URL: 'https://cdn.example.com/logos/',
      }).s3.publicUrl,
    ).toBe('https://cdn.example.com/logos');
    expect(() => new AppConfig({ STORAGE_URL: 's3://files', MAX_IMPORT_BYTES: String(6 * 1024 ** 3) })).toThrow(
      /MAX_IMPORT_BYTES: at most 5368709120/,
    );
    expect(() => new AppConfig({ EVENTS_RETENTION_MONTHS: '0' })).toThrow(
      /EVENTS_RETENTION_MONTHS: must be an integer between 1 and 1200/,
    );
    expect(() => new AppConfig({ STORAGE_GC_GRACE_HOURS: '0' })).toThrow(/STORAGE_GC_GRACE_HOURS/);
    expect(new AppConfig({ EVENTS_RETENTION_MONTHS: '13', STORAGE_GC_GRACE_HOURS: '48' })).toMatchObject({
      eventsRetentionMonths: 13,
      storageGcGraceMs: 48 * 3_600_000,
    });
  });

  it('reads the observability settings: log format, access log, metrics, the instance operator', () => {
    const defaults = new AppConfig({});
    expect([
      defaults.logFormat,
      defaults.accessLog,
      defaults.metricsEnabled,
      defaults.instanceOperatorVendorId,
    ]).toEqual(['auto', true, true, undefined]);
    const set = new AppConfig({
      LOG_FORMAT: 'json',
      ACCESS_LOG: 'off',
      METRICS: 'off',
      INSTANCE_OPERATOR_VENDOR_ID: '0B8E2F4A-1C2D-4E5F-8A9B-0C1D2E3F4A5B',
    });
    expect([set.logFormat, set.accessLog, set.metricsEnabled, set.instanceOperatorVendorId]).toEqual([
      'json',
      false,
      false,
      '0B8E2F4A-1C2D-4E5F-8A9B-0C1D2E3F4A5B',
    ]);
    expect(() => new AppConfig({ LOG_FORMAT: 'xml', INSTANCE_OPERATOR_VENDOR_ID: 'acme' })).toThrow(
      /LOG_FORMAT: must be one of auto, json, pretty, text[\s\S]*INSTANCE_OPERATOR_VENDOR_ID: must be a vendor's id/,
    );
  });

  it('keeps the assistant off unless AI_BASE_URL and AI_MODEL are both set, with its limits', () => {
    const off = new AppConfig({}).assistant;
    expect(off).toEqual({
      baseUrl: undefined,
      apiKey: undefined,
      model: undefined,
      timeoutMs: 30_000,
      monthlyTokensPerVendor: 500_000,
      callsPerMinutePerVendor: 20,
      maxAnswerTokens: 1_000,
    });
    const on = new AppConfig({
      AI_BASE_URL: 'http://127.0.0.1:11434/v1/',
      AI_MODEL: 'llama3.1:8b',
      AI_MONTHLY_TOKENS_PER_VENDOR: '0',
    }).assistant;
    expect([on.baseUrl, on.model, on.apiKey, on.monthlyTokensPerVendor]).toEqual([
      'http://127.0.0.1:11434/v1',
      'llama3.1:8b',
      undefined,
      0,
    ]);
    expect(() => new AppConfig({ AI_BASE_URL: 'https://api.openai.com/v1' })).toThrow(
      /AI_BASE_URL and AI_MODEL: set both or neither/,
    );
    expect(() => new AppConfig({ AI_BASE_URL: 'ftp://x', AI_MODEL: 'a b', AI_TIMEOUT_MS: '5' })).toThrow(
      /AI_BASE_URL: must use one of the protocols http, https[\s\S]*AI_MODEL: must be a model name[\s\S]*AI_TIMEOUT_MS/,
    );
  });
});

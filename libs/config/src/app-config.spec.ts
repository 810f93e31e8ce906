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
    const sut = new AppConfig({ PORT: '8080', PUBLIC_BASE_URL: 'https://engine.example.com/', WORKER_ROLES: 'send, sweep', LOG_LEVEL: 'debug' });
    expect(sut.port).toBe(8080);
    expect(sut.publicBaseUrl).toBe('https://engine.example.com');
    expect(sut.workerRoles).toEqual(['send', 'sweep']);
    expect(sut.nestLogLevels).toEqual(['error', 'warn', 'log', 'debug']);
  });

  it('warns about an http PUBLIC_BASE_URL, except on a loopback address', () => {
    expect(new AppConfig({ PUBLIC_BASE_URL: 'http://engine.example.com' }).bootWarnings).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL is http:\/\/engine\.example\.com: .*https/)]);
    expect(new AppConfig({ PUBLIC_BASE_URL: 'http://192.168.1.10:3000' }).bootWarnings).toHaveLength(1);
    for (const quiet of ['https://engine.example.com', 'http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'http://tcma.localhost']) {
      expect([quiet, new AppConfig({ PUBLIC_BASE_URL: quiet }).bootWarnings]).toEqual([quiet, []]);
    }
    expect(new AppConfig({}).bootWarnings).toEqual([]);
  });
});

import { FailureLog, FAILURE_SUMMARY_MS } from './failure-log';

describe(FailureLog.name, () => {
  it('logs an outage once, then a count per interval, then its end', () => {
    const lines: string[] = [];
    const logger = {
      log: (m: string) => lines.push(`log ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      error: () => undefined,
    };
    let now = 0;
    const sut = new FailureLog(logger, 'Sending', () => now);
    for (let i = 0; i < 8474; i++) {
      now = Math.floor((i * 30_000) / 8474);
      sut.failed('smtp://mail.example:25', 'connect ECONNREFUSED');
    }
    now = FAILURE_SUMMARY_MS + 1;
    sut.failed('smtp://mail.example:25', 'connect ECONNREFUSED');
    sut.succeeded('smtp://mail.example:25');
    sut.succeeded('smtp://other.example:25');
    expect(lines).toEqual([
      'warn Sending failing for smtp://mail.example:25: connect ECONNREFUSED (further failures are counted every 30 s)',
      'warn Sending still failing for smtp://mail.example:25: 8474 more in the last 30 s (latest: connect ECONNREFUSED)',
      'log Sending working again for smtp://mail.example:25 after 8475 failures',
    ]);
  });
});

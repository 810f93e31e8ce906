import { createEngineLogs } from '@tcma/logging';
import { Writable } from 'node:stream';
import { startApi } from '../support/api-harness';

/** ACCESS_LOG=off and METRICS=off, the settings the benchmarks compare against (README "Performance"). */
describe('turning access logs and metrics off', () => {
  it('keeps request ids but writes no access line, and serves no /metrics', async () => {
    let text = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const logs = createEngineLogs('api', { logLevel: 'log', logFormat: 'json' }, { destination });
    const token = 'metrics-token-0123456789';
    const api = await startApi({ logs, env: { ACCESS_LOG: 'off', METRICS: 'off', METRICS_TOKEN: token } });
    try {
      const res = await api.http().get('/health').set('X-Request-Id', 'switched-off-0001').expect(200);
      expect(res.headers['x-request-id']).toBe('switched-off-0001');
      await api.http().get('/metrics').set('Authorization', `Bearer ${token}`).expect(404);
      expect(text).not.toContain('request completed');
    } finally {
      await api.close();
    }
    const on = await startApi({ logs, env: { METRICS_TOKEN: token } });
    try {
      await on.http().get('/health').set('X-Request-Id', 'switched-on-0001').expect(200);
      const scraped = await on.http().get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
      expect(scraped.text).toContain(
        'tcma_http_request_duration_seconds_count{method="GET",route="/health",status_class="2xx"} 1',
      );
      expect(text).toContain('"requestId":"switched-on-0001"');
    } finally {
      await on.close();
    }
  });
});

export { httpMetrics } from './http-metrics';
export { HTTP_DURATION_BUCKETS, Metrics, SEND_LATENCY_BUCKETS } from './metrics';
export { MetricsModule } from './metrics.module';

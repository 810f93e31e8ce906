export { httpMetrics } from './http-metrics';
export { Metrics } from './metrics';
export { MetricsModule } from './metrics.module';

import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** One registry per application (API or worker); global so any module may count. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}

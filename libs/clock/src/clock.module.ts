import { DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

@Module({})
export class ClockModule {
  /** The system clock unless a test supplies its own. */
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return { module: ClockModule, global: true, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}

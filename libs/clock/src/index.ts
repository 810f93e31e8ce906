export { Clock, ManualClock } from './clock';
export { ClockModule } from './clock.module';

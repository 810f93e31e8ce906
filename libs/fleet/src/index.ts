export { FleetModule } from './fleet.module';
export { FleetService } from './fleet.service';
export { WORKER_ID } from './worker-id';
export { SweepHealth } from './sweep-health';

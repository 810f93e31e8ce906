export { FleetModule } from './fleet.module';
export { FleetService } from './fleet.service';
export { WORKER_ID } from './worker-id';
export { WorkersRepository } from './workers.repository';
export { SweepHealth } from './sweep-health';

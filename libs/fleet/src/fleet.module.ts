import { Module } from '@nestjs/common';
import { FleetService } from './fleet.service';
import { WorkersRepository } from './workers.repository';

/** The running worker processes: heartbeats and liveness (the Database and AppConfig are global). */
@Module({
  providers: [WorkersRepository, FleetService],
  exports: [WorkersRepository, FleetService],
})
export class FleetModule {}

import { Injectable } from '@nestjs/common';
import { TenantScope } from '@tcma/persistence';
import { EnrollmentsRepository } from './enrollments.repository';

/** What resuming and cancelling a launch (the launches lib's moves) do to its enrollments. */
@Injectable()
export class LaunchEnrollments {
  constructor(private readonly enrollments: EnrollmentsRepository) {}

  /** A resumed launch's steps go back to the sweep, which queues them again. */
  requeue(scope: TenantScope, launchId: string): Promise<void> {
    return this.enrollments.unqueueLaunch(scope, launchId);
  }

  /** Every active enrollment of a cancelled launch stops for good; how many. */
  cancel(scope: TenantScope, launchId: string): Promise<number> {
    return this.enrollments.cancelLaunch(scope, launchId);
  }
}

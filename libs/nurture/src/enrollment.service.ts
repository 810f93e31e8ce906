import { Injectable, Logger } from '@nestjs/common';
import { stepDue } from '@tcma/sequences';
import { EnrollmentsRepository } from './enrollments.repository';
import { LaunchesRepository } from './launches.repository';
import { SendProfiles } from './send-profiles';

/** Prospects enrolled per statement. */
export const ENROLL_CHUNK = 20_000;

/**
 * Enrolls a launch's audience in the background: every prospect gets its first step due at
 * the launch's start in its own time zone (computed once per zone), in bulk statements.
 */
@Injectable()
export class EnrollmentService {
  private readonly logger = new Logger(EnrollmentService.name);

  constructor(
    private readonly launches: LaunchesRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly profiles: SendProfiles,
  ) {}

  async enroll(launchId: string): Promise<{ enrolled: number; skippedSuppressed: number } | null> {
    const launch = await this.launches.find(launchId);
    if (!launch || launch.status !== 'enrolling') return null;
    const first = (await this.profiles.content(launch.campaignVersionId))?.sequence?.steps[0];
    if (!first) throw new Error(`Launch ${launch.id} has no sequence to run`);
    const dues = new Map((await this.enrollments.audienceZones(launch)).map((zone) => [zone, stepDue(launch.startAt, first, zone)]));
    let after = '0';
    let skipped = 0;
    for (;;) {
      // A launch cancelled while it enrolls stops enrolling.
      if ((await this.launches.find(launch.id))?.status !== 'enrolling') break;
      const chunk = await this.enrollments.enrollChunk(launch, after, ENROLL_CHUNK, dues);
      skipped += chunk.scanned - chunk.eligible;
      if (!chunk.lastId || chunk.scanned < ENROLL_CHUNK) break;
      after = chunk.lastId;
    }
    const enrolled = await this.enrollments.countForLaunch(launch.id);
    await this.launches.recordEnrollment(launch.id, enrolled, skipped);
    await this.launches.transition(launch.id, ['enrolling'], 'active');
    this.logger.log(`Launch ${launch.id}: ${enrolled} enrolled, ${skipped} suppressed addresses left out`);
    return { enrolled, skippedSuppressed: skipped };
  }
}

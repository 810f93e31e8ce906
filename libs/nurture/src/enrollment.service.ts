import { Injectable, Logger } from '@nestjs/common';
import { PartnerScope } from '@tcma/persistence';
import { stepDue } from '@tcma/sequences';
import { AudienceEnrollmentsRepository } from './audience-enrollments.repository';
import { RunningLaunchesRepository } from './running-launches.repository';
import { SendProfiles } from './send-profiles';

/** Prospects enrolled per statement. */
export const ENROLL_CHUNK = 20_000;
/** Enrollment statements run at once for one launch. */
export const ENROLL_PARALLELISM = 2;

/**
 * Enrolls a launch's audience in the background: every prospect gets its first step due at
 * the launch's start in its own time zone (computed once per zone), in bulk statements.
 */
@Injectable()
export class EnrollmentService {
  private readonly logger = new Logger(EnrollmentService.name);

  constructor(
    private readonly launches: RunningLaunchesRepository,
    private readonly enrollments: AudienceEnrollmentsRepository,
    private readonly profiles: SendProfiles,
  ) {}

  async enroll(
    launchId: string,
    chunk = ENROLL_CHUNK,
  ): Promise<{ enrolled: number; skippedSuppressed: number } | null> {
    const launch = await this.launches.findForSystem(launchId);
    if (!launch || launch.status !== 'enrolling') return null;
    const first = (await this.profiles.content(launch.campaignVersionId))?.sequence?.steps[0];
    if (!first) throw new Error(`Launch ${launch.id} has no sequence to run`);
    // The launch row names its tenant: every statement below is scoped to it.
    const scope = new PartnerScope(launch.vendorId, launch.partnerId);
    const dues = new Map(
      (await this.enrollments.audienceZones(scope, launch)).map((zone) => [zone, stepDue(launch.startAt, first, zone)]),
    );
    // Ranges of about `chunk` prospects, ENROLL_PARALLELISM statements at a time.
    const bounds = await this.enrollments.chunkBounds(scope, chunk);
    const ranges = [...bounds, null].map((upTo, i) => ({ after: i === 0 ? '0' : bounds[i - 1], upTo }));
    let skipped = 0;
    const next = async (): Promise<void> => {
      for (let range = ranges.shift(); range; range = ranges.shift()) {
        // A launch cancelled while it enrolls stops enrolling.
        if ((await this.launches.findForSystem(launch.id))?.status !== 'enrolling') return;
        const chunk = await this.enrollments.enrollRange(scope, launch, range.after, range.upTo, dues);
        skipped += chunk.scanned - chunk.eligible;
      }
    };
    await Promise.all(Array.from({ length: ENROLL_PARALLELISM }, next));
    const enrolled = await this.enrollments.countForLaunch(scope, launch.id);
    await this.launches.recordEnrollmentForSystem(launch.id, enrolled, skipped);
    await this.launches.transitionForSystem(launch.id, ['enrolling'], 'active');
    this.logger.log(`Launch ${launch.id}: ${enrolled} enrolled, ${skipped} suppressed addresses left out`);
    return { enrolled, skippedSuppressed: skipped };
  }
}

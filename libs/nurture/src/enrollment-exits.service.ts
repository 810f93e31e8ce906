import { Injectable } from '@nestjs/common';
import { PartnerScope, TenantScope, Tx } from '@tcma/persistence';
import { EnrollmentExitsRepository } from './enrollment-exits.repository';

/**
 * Taking prospects out of their sequences, for the libs where the reason happens: an
 * unsubscribe (recipients), a click on a sequence's exit link (engagement), a conversion
 * (engagement, pages). Enrollments are nurture's: other libs reach them only through here.
 */
@Injectable()
export class EnrollmentExits {
  constructor(private readonly enrollments: EnrollmentExitsRepository) {}

  /**
   * Every active enrollment of this address in the scope (an unsubscribe): at one partner, or
   * with a vendor scope at all its partners; `campaignId` keeps it to that campaign's launches.
   * How many left.
   */
  forAddress(
    scope: TenantScope,
    emailLower: string,
    reason: string,
    campaignId: string | null = null,
  ): Promise<number> {
    return this.enrollments.exitForAddress(scope, emailLower, reason, campaignId);
  }

  /**
   * The active enrollments whose sequence says "leave when this link is clicked", for each
   * (send, link name) a person clicked, across tenants (the judge of events); those that left.
   */
  onClicksForSystem(clicks: Array<{ sendId: string; linkName: string }>, tx?: Tx): Promise<string[]> {
    return this.enrollments.exitOnClicksForSystem(clicks, tx);
  }

  /** The prospect's active enrollments in these launches whose sequence exits on conversion; how many left. */
  onConversion(scope: PartnerScope, prospectId: string, launchIds: string[], tx?: Tx): Promise<number> {
    return this.enrollments.exitOnConversion(scope, prospectId, launchIds, tx);
  }

  /** The launches a prospect is or was enrolled in: those a conversion it reports counts for. */
  launchesOf(scope: PartnerScope, prospectId: string): Promise<string[]> {
    return this.enrollments.launchesOfProspect(scope, prospectId);
  }
}

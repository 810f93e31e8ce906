import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { ForbiddenError, NotFoundError } from '@tcma/errors';
import { PartnerScope, Tx, VendorScope } from '@tcma/persistence';
import { Actor, isVendorUser, PartnersRepository, PartnersService } from '@tcma/tenancy';
import { ConciergeAccessEntry, ConciergeRepository } from './concierge.repository';

/** The request header by which a vendor user acts for one of its partners. */
export const ACTING_FOR_HEADER = 'x-acting-for';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Concierge mode: a vendor user opens one of its partners' portals "acting for" it. For that
 * request the vendor user is the partner's user (the partner pages and their rules apply
 * unchanged, vendor-only routes refuse), and the access is written to the audit log: who,
 * which partner, when, which request.
 */
@Injectable()
export class ConciergeService {
  constructor(
    private readonly accesses: ConciergeRepository,
    private readonly partnersRepository: PartnersRepository,
    private readonly partners: PartnersService,
    private readonly clock: Clock,
  ) {}

  /** The actor acting for the partner, once the access is recorded. */
  async actFor(actor: Actor, partnerId: string, request: { method: string; path: string }): Promise<Actor> {
    if (!isVendorUser(actor)) throw new ForbiddenError('Only vendor users act for a partner');
    const partner = UUID.test(partnerId)
      ? await this.partnersRepository.find(new VendorScope(actor.vendorId), partnerId.toLowerCase())
      : null;
    if (!partner) throw new NotFoundError('Partner');
    const scope = new PartnerScope(actor.vendorId, partner.id);
    await this.accesses.record(scope, {
      userId: actor.userId,
      method: request.method,
      path: request.path.slice(0, 500),
      at: this.clock.now(),
    });
    return { ...actor, partnerId: partner.id, role: 'partner_user', concierge: { role: actor.role } };
  }

  /**
   * An entry of its own for what a concierge request did that the partner must be able to find
   * later (a cancelled post): who, which partner, when, the request, and the action in words.
   */
  async recordAction(
    actor: Actor,
    scope: PartnerScope,
    entry: { method: string; path: string; action: string },
    /** The transaction of what it records, so the entry and the action commit together. */
    tx?: Tx,
  ): Promise<void> {
    if (!actor.concierge || actor.partnerId !== scope.partnerId || actor.vendorId !== scope.vendorId)
      throw new Error(`User ${actor.userId} is not acting for partner ${scope.partnerId}`);
    await this.accesses.record(
      scope,
      {
        userId: actor.userId,
        method: entry.method,
        path: entry.path.slice(0, 500),
        action: entry.action.slice(0, 1000),
        at: this.clock.now(),
      },
      tx,
    );
  }

  /**
   * The audit log of one partner: its vendor's admins, and the partner's own admins (who see who
   * acted for them). 404 for a partner of another vendor, or another partner of the same vendor.
   */
  async list(
    actor: Actor,
    partnerId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: ConciergeAccessEntry[]; total: number }> {
    const partner = await this.partners.get(actor, partnerId);
    return this.accesses.list(new PartnerScope(actor.vendorId, partner.id), page);
  }
}

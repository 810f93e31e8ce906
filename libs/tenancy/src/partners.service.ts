import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { PartnerEntity, PartnerStatus } from '@tcma/persistence';
import { Actor, partnerScope } from './actor';
import { PartnerFilter, PartnersRepository } from './partners.repository';

export interface CreatePartnerInput {
  companyName: string;
  tier: string;
  region: string;
  timezone?: string;
  status?: PartnerStatus;
}

export type UpdatePartnerInput = Partial<CreatePartnerInput>;

const nameConflict = () =>
  new ConflictError('A partner with this company name already exists', [{ path: 'companyName', message: 'is already used by another partner of this vendor' }]);

@Injectable()
export class PartnersService {
  constructor(private readonly partners: PartnersRepository) {}

  async create(actor: Actor, input: CreatePartnerInput): Promise<PartnerEntity> {
    const companyName = input.companyName.trim();
    if (await this.partners.companyNameTaken(actor.vendorId, companyName)) throw nameConflict();
    try {
      return await this.partners.create({
        vendorId: actor.vendorId,
        companyName,
        tier: input.tier.trim(),
        region: input.region.trim(),
        timezone: input.timezone ?? 'UTC',
        status: input.status ?? 'active',
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw nameConflict();
      throw e;
    }
  }

  /** Vendor users see any partner of their vendor; a partner user only their own. */
  async get(actor: Actor, id: string): Promise<PartnerEntity> {
    if (actor.role === 'partner_user' && actor.partnerId !== id) throw new NotFoundError('Partner');
    const partner = await this.partners.findInVendor(actor.vendorId, id);
    if (!partner) throw new NotFoundError('Partner');
    return partner;
  }

  /**
   * The partner an action is for: a partner user's own, or the one a vendor user names
   * (required; `action` says what needs it).
   */
  async actingFor(actor: Actor, named: string | undefined, action: string): Promise<PartnerEntity> {
    const id = partnerScope(actor, named);
    if (!id) throw new InvalidError(action, [{ path: 'partnerId', message: 'is required for vendor users' }]);
    return this.get(actor, id);
  }

  list(actor: Actor, filter: PartnerFilter): Promise<{ items: PartnerEntity[]; total: number }> {
    return this.partners.list(actor.vendorId, filter);
  }

  async update(actor: Actor, id: string, input: UpdatePartnerInput): Promise<PartnerEntity> {
    const partner = await this.get(actor, id);
    if (input.companyName !== undefined) {
      const companyName = input.companyName.trim();
      if (await this.partners.companyNameTaken(actor.vendorId, companyName, id)) throw nameConflict();
      partner.companyName = companyName;
    }
    if (input.tier !== undefined) partner.tier = input.tier.trim();
    if (input.region !== undefined) partner.region = input.region.trim();
    if (input.timezone !== undefined) partner.timezone = input.timezone;
    if (input.status !== undefined) partner.status = input.status;
    try {
      return await this.partners.save(partner);
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw nameConflict();
      throw e;
    }
  }
}

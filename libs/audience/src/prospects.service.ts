import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { ProspectEntity } from '@tcma/persistence';
import { Actor, PartnersService } from '@tcma/tenancy';
import { checkProspect, ProspectInput } from './prospect-row';
import { ProspectPageFilter, ProspectsRepository } from './prospects.repository';

const invalid = (field: string, reason: string) => new InvalidError('The prospect is invalid', [{ path: field, message: reason }]);

/** A partner's prospects; vendor users may manage them on the partner's behalf. */
@Injectable()
export class ProspectsService {
  constructor(
    private readonly prospects: ProspectsRepository,
    private readonly partners: PartnersService,
  ) {}

  async create(actor: Actor, partnerId: string, input: ProspectInput): Promise<ProspectEntity> {
    const partner = await this.partners.get(actor, partnerId);
    const checked = checkProspect(input);
    if (!checked.ok) throw invalid(checked.field, checked.reason);
    const existing = await this.prospects.findByEmail(partner.id, checked.prospect.emailLower);
    if (existing) throw new ConflictError(`A prospect with this email already exists (id ${existing.id})`, [{ path: 'email', message: 'is already a prospect of this partner' }]);
    const { ids } = await this.prospects.upsertMany(partner.vendorId, partner.id, [checked.prospect]);
    return this.get(actor, partnerId, ids[0]);
  }

  async get(actor: Actor, partnerId: string, id: string): Promise<ProspectEntity> {
    const partner = await this.partners.get(actor, partnerId);
    const prospect = await this.prospects.findInPartner(partner.id, id);
    if (!prospect) throw new NotFoundError('Prospect');
    return prospect;
  }

  async list(actor: Actor, partnerId: string, filter: ProspectPageFilter): Promise<ProspectEntity[]> {
    const partner = await this.partners.get(actor, partnerId);
    return this.prospects.page(partner.id, filter);
  }

  async update(actor: Actor, partnerId: string, id: string, input: Partial<ProspectInput>): Promise<ProspectEntity> {
    const prospect = await this.get(actor, partnerId, id);
    const checked = checkProspect({
      email: input.email ?? prospect.email,
      firstName: input.firstName !== undefined ? input.firstName : prospect.firstName,
      lastName: input.lastName !== undefined ? input.lastName : prospect.lastName,
      company: input.company !== undefined ? input.company : prospect.company,
      title: input.title !== undefined ? input.title : prospect.title,
      country: input.country !== undefined ? input.country : prospect.country,
      timezone: input.timezone !== undefined ? input.timezone : prospect.timezone,
      consentSource: input.consentSource !== undefined ? input.consentSource : prospect.consentSource,
      custom: input.custom !== undefined ? input.custom : prospect.custom,
    });
    if (!checked.ok) throw invalid(checked.field, checked.reason);
    if (checked.prospect.emailLower !== prospect.emailLower && (await this.prospects.findByEmail(prospect.partnerId, checked.prospect.emailLower))) {
      throw new ConflictError('Another prospect has this email', [{ path: 'email', message: 'is already a prospect of this partner' }]);
    }
    Object.assign(prospect, checked.prospect);
    return this.prospects.save(prospect);
  }

  /** Erases the prospect and, by cascade, its enrollments and list memberships. */
  async remove(actor: Actor, partnerId: string, id: string): Promise<void> {
    await this.prospects.remove(await this.get(actor, partnerId, id));
  }
}

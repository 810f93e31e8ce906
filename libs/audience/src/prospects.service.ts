import { Injectable } from '@nestjs/common';
import { perProspectField } from '@tcma/campaign-model';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { Clock } from '@tcma/clock';
import { changedFields, ConsentRecordRow, Found, PageWindow, PartnerScope, ProspectRow } from '@tcma/persistence';
import { ConsentRepository } from './consent.repository';
import { Actor, PartnersService } from '@tcma/tenancy';
import { checkProspect, ProspectInput } from './prospect-row';
import { ProspectPageFilter, ProspectsRepository } from './prospects.repository';

const invalid = (field: string, reason: string) =>
  new InvalidError('The prospect is invalid', [{ path: field, message: reason }]);

/** A partner's prospects; vendor users may manage them on the partner's behalf. */
@Injectable()
export class ProspectsService {
  constructor(
    private readonly prospects: ProspectsRepository,
    private readonly partners: PartnersService,
    private readonly consent: ConsentRepository,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, partnerId: string, input: ProspectInput): Promise<ProspectRow> {
    const scope = await this.partners.contactsScope(actor, partnerId);
    const checked = checkProspect(input);
    if (!checked.ok) throw invalid(checked.field, checked.reason);
    const existing = await this.prospects.findByEmail(scope, checked.prospect.emailLower);
    if (existing)
      throw new ConflictError(`A prospect with this email already exists (id ${existing.id})`, [
        { path: 'email', message: 'is already a prospect of this partner' },
      ]);
    // With the consent record of its import (the consent source declared), in the same statement.
    const { ids } = await this.prospects.upsertMany(scope, [checked.prospect], undefined, this.clock.now());
    return this.found(scope, ids[0]);
  }

  async get(actor: Actor, partnerId: string, id: string): Promise<ProspectRow> {
    return this.found(await this.partners.contactsScope(actor, partnerId), id);
  }

  async list(actor: Actor, partnerId: string, filter: ProspectPageFilter): Promise<Found<ProspectRow>> {
    return this.prospects.page(await this.partners.contactsScope(actor, partnerId), filter);
  }

  async update(actor: Actor, partnerId: string, id: string, input: Partial<ProspectInput>): Promise<ProspectRow> {
    const scope = await this.partners.contactsScope(actor, partnerId);
    const prospect = await this.found(scope, id);
    const checked = checkProspect({
      email: input.email ?? prospect.email,
      ...perProspectField((field) => (input[field] !== undefined ? input[field] : prospect[field])),
      custom: input.custom !== undefined ? input.custom : prospect.custom,
    });
    if (!checked.ok) throw invalid(checked.field, checked.reason);
    if (
      checked.prospect.emailLower !== prospect.emailLower &&
      (await this.prospects.findByEmail(scope, checked.prospect.emailLower))
    ) {
      throw new ConflictError('Another prospect has this email', [
        { path: 'email', message: 'is already a prospect of this partner' },
      ]);
    }
    const updated = await this.prospects.update(scope, prospect.id, changedFields(prospect, checked.prospect));
    if (!updated) throw new NotFoundError('Prospect');
    return updated;
  }

  /** The prospect's consent evidence, oldest first (404 for a prospect the actor may not see). */
  async consentHistory(
    actor: Actor,
    partnerId: string,
    id: string,
    window: PageWindow,
  ): Promise<Found<ConsentRecordRow>> {
    const scope = await this.partners.contactsScope(actor, partnerId);
    const prospect = await this.found(scope, id);
    return this.consent.history(scope, prospect.id, window);
  }

  /** Erases the prospect and, by cascade, its enrollments and list memberships. */
  async remove(actor: Actor, partnerId: string, id: string): Promise<void> {
    if (!(await this.prospects.remove(await this.partners.contactsScope(actor, partnerId), id)))
      throw new NotFoundError('Prospect');
  }

  private async found(scope: PartnerScope, id: string): Promise<ProspectRow> {
    const prospect = await this.prospects.find(scope, id);
    if (!prospect) throw new NotFoundError('Prospect');
    return prospect;
  }
}

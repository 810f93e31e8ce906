import { Injectable } from '@nestjs/common';
import { normalizeDisplayName } from '@tcma/email-address';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { changedFields, PartnerRow, PartnerScope, PartnerStatus } from '@tcma/persistence';
import { canonicalLanguage } from '@tcma/translation';
import { Actor, isVendorUser, partnerScope, scopeOf, scopeOfPartner } from './actor';
import { PartnerChanges, PartnerFilter, PartnersRepository } from './partners.repository';

export interface CreatePartnerInput {
  companyName: string;
  tier: string;
  region: string;
  timezone?: string;
  /** The language its prospects read when they have none (a BCP 47 tag, kept canonical); null clears it on update. */
  language?: string | null;
  status?: PartnerStatus;
  /** The partner's id in the vendor's own systems (its PRM account id); null clears it on update. */
  externalId?: string | null;
}

export type UpdatePartnerInput = Partial<CreatePartnerInput>;

const externalIdConflict = () =>
  new ConflictError('A partner with this external id already exists', [
    { path: 'externalId', message: 'is already used by another partner of this vendor' },
  ]);

/** Which unique key a 23505 broke: the external id's, else the company name's. */
const uniqueConflict = (e: unknown) =>
  (e as { constraint?: string }).constraint === 'partners_vendor_id_external_id_key'
    ? externalIdConflict()
    : nameConflict();

const nameConflict = () =>
  new ConflictError('A partner with this company name already exists', [
    { path: 'companyName', message: 'is already used by another partner of this vendor' },
  ]);

/** A partner's name reaches the From header of its emails ("<partner> via <vendor>"): a display name's rules. */
function checkedCompanyName(raw: string): string {
  const name = normalizeDisplayName(raw);
  if (!name.ok) throw new InvalidError('The company name is invalid', [{ path: 'companyName', message: name.message }]);
  return name.value;
}

/** A language tag in its canonical form; the API checked it is one, so anything else is a caller's bug, refused by field. */
function checkedLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const canonical = canonicalLanguage(tag);
  if (!canonical)
    throw new InvalidError('Invalid partner', [{ path: 'language', message: 'is not a BCP 47 language tag' }]);
  return canonical;
}

@Injectable()
export class PartnersService {
  constructor(private readonly partners: PartnersRepository) {}

  async create(actor: Actor, input: CreatePartnerInput): Promise<PartnerRow> {
    const scope = scopeOf(actor);
    const companyName = checkedCompanyName(input.companyName);
    if (await this.partners.companyNameTaken(scope, companyName)) throw nameConflict();
    try {
      return await this.partners.create(scope, {
        companyName,
        tier: input.tier.trim(),
        region: input.region.trim(),
        timezone: input.timezone ?? 'UTC',
        language: checkedLanguage(input.language),
        status: input.status ?? 'active',
        externalId: input.externalId?.trim() || null,
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw uniqueConflict(e);
      throw e;
    }
  }

  /** Vendor users see any partner of their vendor; a partner user only their own. */
  async get(actor: Actor, id: string): Promise<PartnerRow> {
    const partner = await this.partners.find(scopeOf(actor), id);
    if (!partner) throw new NotFoundError('Partner');
    return partner;
  }

  /**
   * A partner whose contacts (prospects, lists, imports, consent, leads) the actor may see: its
   * own users, and vendor users unless the partner keeps its contacts private, in which case
   * they do not exist for the vendor (404, as another tenant's). A vendor user acting for the
   * partner (concierge) acts as its user, and each such request is in the audit log.
   */
  async withContacts(actor: Actor, id: string, what = 'Partner'): Promise<PartnerRow> {
    return contactsVisible(actor, await this.get(actor, id), what);
  }

  /** The scope of a partner's contacts, as withContacts allows them. */
  async contactsScope(actor: Actor, id: string): Promise<PartnerScope> {
    return scopeOfPartner(await this.withContacts(actor, id));
  }

  /**
   * The partner an action is for: a partner user's own, or the one a vendor user names
   * (required; `action` says what needs it). A partner user naming a partner names one it cannot
   * see unless it is its own: 404, like an id in a path, never silently its own instead.
   */
  async actingFor(actor: Actor, named: string | undefined, action: string): Promise<PartnerRow> {
    const id = named ?? partnerScope(actor);
    if (!id) throw new InvalidError(action, [{ path: 'partnerId', message: 'is required for vendor users' }]);
    return this.get(actor, id);
  }

  /** actingFor, for an action on the partner's contacts: a private partner's are not there for its vendor (404). */
  async actingForContacts(actor: Actor, named: string | undefined, action: string): Promise<PartnerRow> {
    return contactsVisible(actor, await this.actingFor(actor, named, action));
  }

  list(actor: Actor, filter: PartnerFilter): Promise<{ items: PartnerRow[]; total: number }> {
    return this.partners.list(scopeOf(actor), filter);
  }

  async update(actor: Actor, id: string, input: UpdatePartnerInput): Promise<PartnerRow> {
    const scope = scopeOf(actor);
    const partner = await this.get(actor, id);
    const next: PartnerChanges = {};
    if (input.companyName !== undefined) {
      next.companyName = checkedCompanyName(input.companyName);
      if (await this.partners.companyNameTaken(scope, next.companyName, id)) throw nameConflict();
    }
    if (input.tier !== undefined) next.tier = input.tier.trim();
    if (input.region !== undefined) next.region = input.region.trim();
    if (input.timezone !== undefined) next.timezone = input.timezone;
    if (input.language !== undefined) next.language = checkedLanguage(input.language);
    if (input.status !== undefined) next.status = input.status;
    if (input.externalId !== undefined) next.externalId = input.externalId?.trim() || null;
    try {
      const updated = await this.partners.update(scope, partner.id, changedFields(partner, next));
      if (!updated) throw new NotFoundError('Partner');
      return updated;
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw uniqueConflict(e);
      throw e;
    }
  }
}

/** The partner, if the actor may see its contacts: its own users may; vendor users unless the partner keeps them private. */
function contactsVisible(actor: Actor, partner: PartnerRow, what = 'Partner'): PartnerRow {
  if (isVendorUser(actor) && partner.contactsPrivate) throw new NotFoundError(what);
  return partner;
}

import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@tcma/errors';
import { Found, PageWindow, PartnerScope, ProspectListRow } from '@tcma/persistence';
import { Actor, PartnersService } from '@tcma/tenancy';
import { ListOrder, ProspectListsRepository } from './prospect-lists.repository';
import { ProspectsRepository } from './prospects.repository';

@Injectable()
export class ProspectListsService {
  constructor(
    private readonly lists: ProspectListsRepository,
    private readonly prospects: ProspectsRepository,
    private readonly partners: PartnersService,
  ) {}

  async create(actor: Actor, partnerId: string, name: string): Promise<ProspectListRow> {
    const scope = await this.partners.contactsScope(actor, partnerId);
    try {
      return await this.lists.create(scope, name.trim());
    } catch (e) {
      if ((e as { code?: string }).code === '23505')
        throw new ConflictError('A list with this name exists', [
          { path: 'name', message: 'is already used by another list' },
        ]);
      throw e;
    }
  }

  async list(
    actor: Actor,
    partnerId: string,
    window: PageWindow,
    order: ListOrder = 'name',
  ): Promise<Found<ProspectListRow & { size: number }>> {
    return this.lists.listWithCounts(await this.partners.contactsScope(actor, partnerId), window, order);
  }

  async get(actor: Actor, partnerId: string, listId: string): Promise<ProspectListRow> {
    return this.found(await this.partners.contactsScope(actor, partnerId), listId);
  }

  /** Adds the partner's prospects; an id that is not one of them answers 404, like an id in a path, and adds nothing. */
  async addMembers(actor: Actor, partnerId: string, listId: string, prospectIds: string[]): Promise<{ added: number }> {
    const scope = await this.partners.contactsScope(actor, partnerId);
    const list = await this.found(scope, listId);
    const known = await this.prospects.existing(scope, prospectIds);
    if (prospectIds.some((id) => !known.has(id))) throw new NotFoundError('Prospect');
    return { added: await this.lists.addMembers(scope, list.id, prospectIds) };
  }

  async removeMembers(actor: Actor, partnerId: string, listId: string, prospectIds: string[]): Promise<void> {
    const scope = await this.partners.contactsScope(actor, partnerId);
    const list = await this.found(scope, listId);
    await this.lists.removeMembers(scope, list.id, prospectIds);
  }

  private async found(scope: PartnerScope, listId: string): Promise<ProspectListRow> {
    const list = await this.lists.find(scope, listId);
    if (!list) throw new NotFoundError('List');
    return list;
  }
}

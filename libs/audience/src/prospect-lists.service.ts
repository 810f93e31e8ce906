import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@tcma/errors';
import { ProspectListEntity } from '@tcma/persistence';
import { Actor, PartnersService } from '@tcma/tenancy';
import { ProspectListsRepository } from './prospect-lists.repository';

@Injectable()
export class ProspectListsService {
  constructor(
    private readonly lists: ProspectListsRepository,
    private readonly partners: PartnersService,
  ) {}

  async create(actor: Actor, partnerId: string, name: string): Promise<ProspectListEntity> {
    const partner = await this.partners.get(actor, partnerId);
    try {
      return await this.lists.create({ vendorId: partner.vendorId, partnerId: partner.id, name: name.trim() });
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new ConflictError('A list with this name exists', [{ path: 'name', message: 'is already used by another list' }]);
      throw e;
    }
  }

  async list(actor: Actor, partnerId: string): Promise<Array<ProspectListEntity & { size: number }>> {
    const partner = await this.partners.get(actor, partnerId);
    return this.lists.listWithCounts(partner.id);
  }

  async get(actor: Actor, partnerId: string, listId: string): Promise<ProspectListEntity> {
    const partner = await this.partners.get(actor, partnerId);
    const list = await this.lists.findInPartner(partner.id, listId);
    if (!list) throw new NotFoundError('List');
    return list;
  }

  /** Adds prospects; ids of other partners' prospects are ignored (they are not found). */
  async addMembers(actor: Actor, partnerId: string, listId: string, prospectIds: string[]): Promise<{ added: number }> {
    const list = await this.get(actor, partnerId, listId);
    return { added: await this.lists.addMembers(list.id, list.partnerId, prospectIds) };
  }

  async removeMembers(actor: Actor, partnerId: string, listId: string, prospectIds: string[]): Promise<void> {
    const list = await this.get(actor, partnerId, listId);
    await this.lists.removeMembers(list.id, prospectIds);
  }
}

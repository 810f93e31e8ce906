import { Injectable } from '@nestjs/common';
import { InvalidError, NotFoundError, Problem } from '@tcma/errors';
import { Found, PageWindow, VendorScope } from '@tcma/persistence';
import { Actor, scopeOf } from '@tcma/tenancy';
import { ProgrammeInput, ProgrammeRecord, ProgrammesRepository } from './programmes.repository';

export interface ProgrammeBody {
  name: string;
  description?: string;
  tag?: string | null;
  campaignIds?: string[];
}

/** Vendor users manage programmes; partners only read them (to subscribe). */
@Injectable()
export class ProgrammesService {
  constructor(private readonly programmes: ProgrammesRepository) {}

  async create(actor: Actor, body: ProgrammeBody): Promise<ProgrammeRecord> {
    const scope = this.vendorScope(actor);
    await this.checkCampaigns(scope, body.campaignIds ?? []);
    const input: ProgrammeInput = {
      name: body.name.trim(),
      description: body.description ?? '',
      tag: body.tag?.trim() || null,
    };
    const id = await this.programmes
      .create(scope, input, body.campaignIds ?? [])
      .catch((e: unknown) => rethrowNameTaken(e));
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, body: Partial<ProgrammeBody>): Promise<ProgrammeRecord> {
    const scope = this.vendorScope(actor);
    if (body.campaignIds) await this.checkCampaigns(scope, body.campaignIds);
    const changes: Partial<ProgrammeInput> = {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.tag !== undefined ? { tag: body.tag?.trim() || null } : {}),
    };
    const found = await this.programmes
      .update(scope, id, changes, body.campaignIds)
      .catch((e: unknown) => rethrowNameTaken(e));
    if (!found) throw new NotFoundError('Programme');
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    if (!(await this.programmes.delete(this.vendorScope(actor), id))) throw new NotFoundError('Programme');
  }

  async get(actor: Actor, id: string): Promise<ProgrammeRecord> {
    const found = await this.programmes.find(scopeOf(actor), id);
    if (!found) throw new NotFoundError('Programme');
    return found;
  }

  list(actor: Actor, window: PageWindow): Promise<Found<ProgrammeRecord>> {
    return this.programmes.list(scopeOf(actor), window);
  }

  private async checkCampaigns(scope: VendorScope, ids: string[]): Promise<void> {
    const own = await this.programmes.ownCampaigns(scope, ids);
    const problems: Problem[] = ids.flatMap((id, i) =>
      own.has(id) ? [] : [{ path: `campaignIds.${i}`, message: 'is not a campaign of this vendor' }],
    );
    if (problems.length) throw new InvalidError('The programme names unknown campaigns', problems);
  }

  private vendorScope(actor: Actor): VendorScope {
    const scope = scopeOf(actor);
    if (scope.partnerId !== null) throw new NotFoundError('Programme');
    return new VendorScope(scope.vendorId);
  }
}

function rethrowNameTaken(e: unknown): never {
  if ((e as { constraint?: string }).constraint === 'programmes_vendor_id_name_key')
    throw new InvalidError('The programme cannot be saved', [
      { path: 'name', message: 'is already the name of another programme' },
    ]);
  throw e;
}

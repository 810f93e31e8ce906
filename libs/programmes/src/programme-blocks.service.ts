import { Injectable } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import { Clock } from '@tcma/clock';
import { websiteHost } from '@tcma/cobrand';
import { InvalidError, NotFoundError } from '@tcma/errors';
import { PartnerScope } from '@tcma/persistence';
import { Actor, PartnersRepository, PartnersService, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { ProgrammeBlock, programmeBlockProblems, programmeBlocks } from './programme-blocks';
import { ProgrammeVersionsRepository } from './programme-versions.repository';
import { ProgrammesRepository } from './programmes.repository';

/**
 * A partner's own words in a programme: the editable blocks of the campaigns it offers the
 * partner today, which a subscription's defaults fill for every launch it brings, and the check
 * of those texts when the subscription is saved (the launch checks them again, with the partner's
 * brand kit of that day, and asks the vendor's approval of a new text).
 */
@Injectable()
export class ProgrammeBlocksService {
  constructor(
    private readonly programmes: ProgrammesRepository,
    private readonly versions: ProgrammeVersionsRepository,
    private readonly partners: PartnersService,
    private readonly partnerRows: PartnersRepository,
    private readonly brandKits: BrandKitsService,
    private readonly clock: Clock,
  ) {}

  /** The blocks a partner (or a vendor user naming it) may write in its subscription to the programme. */
  async blocks(actor: Actor, programmeId: string, partnerId?: string): Promise<ProgrammeBlock[]> {
    if (!(await this.programmes.find(scopeOf(actor), programmeId))) throw new NotFoundError('Programme');
    const partner = await this.partners.actingFor(actor, partnerId, 'Choose the partner');
    return programmeBlocks(await this.versions.offeredNow(scopeOfPartner(partner), programmeId, this.clock.now()));
  }

  /** A field-level 422 (at `slotValues.<block>`) for a text a launch of the programme would refuse. */
  async check(scope: PartnerScope, programmeId: string, values: Readonly<Record<string, string>>): Promise<void> {
    if (!Object.keys(values).length) return;
    const versions = await this.versions.offeredNow(scope, programmeId, this.clock.now());
    if (!versions.some((v) => v.content.slots.some((s) => s.type === 'text_block'))) return;
    const partner = await this.partnerRows.find(scope, scope.partnerId);
    if (!partner) throw new NotFoundError('Partner');
    const website = (await this.brandKits.brandState(partner)).brand.website;
    const problems = programmeBlockProblems(versions, values, websiteHost(website));
    if (problems.length) throw new InvalidError('The text of an editable block cannot be used', problems);
  }
}

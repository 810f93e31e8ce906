import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { VendorScope } from '@tcma/persistence';
import { ScimGroupChanges, ScimGroupFilter, ScimGroupInput, ScimGroupView } from './scim-group';
import { ScimGroupsRepository } from './scim-groups.repository';
import { ScimError, SCIM_MAX_COUNT } from './scim-user';
import { ScimService } from './scim.service';

/** A partner made from a pushed group starts with these; the vendor sets them in the console. */
export const SCIM_GROUP_DEFAULTS = { tier: 'unassigned', region: 'unassigned', timezone: 'UTC' } as const;

/**
 * SCIM groups are the vendor's partners (RFC 7643 Group): a pushed group is a partner (made when
 * new, found by its name or external id otherwise), its members the partner's active users.
 * A user joins a partner when it is provisioned (the engine's User extension names the partner),
 * not by membership: adding a member of another partner, or a vendor user, is refused (a user
 * never moves between partners); removing a member deactivates it (sessions and tokens end);
 * deleting a group suspends the partner, whose users can then no longer sign in.
 */
@Injectable()
export class ScimGroupsService {
  private readonly logger = new Logger(ScimGroupsService.name);

  constructor(
    private readonly groups: ScimGroupsRepository,
    private readonly users: ScimService,
    private readonly clock: Clock,
  ) {}

  list(scope: VendorScope, filter: ScimGroupFilter | null, startIndex: number, count: number) {
    return this.groups.list(scope, filter, {
      offset: Math.max(0, startIndex - 1),
      limit: Math.min(Math.max(0, count), SCIM_MAX_COUNT),
    });
  }

  async get(scope: VendorScope, id: string): Promise<ScimGroupView> {
    const group = /^[0-9a-f-]{36}$/i.test(id) ? await this.groups.find(scope, id) : null;
    if (!group) throw new ScimError(404, `Group ${id} not found`);
    return group;
  }

  async create(scope: VendorScope, input: ScimGroupInput): Promise<ScimGroupView> {
    const id = await this.groups.create(scope, {
      companyName: input.displayName,
      externalId: input.externalId,
      ...SCIM_GROUP_DEFAULTS,
    });
    if (!id)
      throw new ScimError(409, `A partner named ${input.displayName} (or with that externalId) exists`, 'uniqueness');
    this.logger.log(`SCIM: partner ${id} made from a pushed group`);
    if (input.members?.length) await this.membersOf(scope, id, { add: input.members, remove: [] });
    return this.get(scope, id);
  }

  async replace(scope: VendorScope, id: string, input: ScimGroupInput): Promise<ScimGroupView> {
    const group = await this.get(scope, id);
    await this.rename(scope, group, input.displayName, input.externalId);
    if (input.members !== undefined)
      await this.membersOf(scope, group.id, { add: [], remove: [], members: input.members });
    return this.get(scope, id);
  }

  async patch(scope: VendorScope, id: string, changes: ScimGroupChanges): Promise<ScimGroupView> {
    const group = await this.get(scope, id);
    if (changes.displayName !== undefined || changes.externalId !== undefined)
      await this.rename(
        scope,
        group,
        changes.displayName ?? group.companyName,
        changes.externalId === undefined ? group.externalId : changes.externalId,
      );
    await this.membersOf(scope, group.id, changes);
    return this.get(scope, id);
  }

  /** DELETE: the partner is suspended, not erased (its launches, leads and history stay). */
  async suspend(scope: VendorScope, id: string): Promise<void> {
    const group = await this.get(scope, id);
    await this.groups.suspend(scope, group.id, this.clock.now());
    this.logger.log(`SCIM: partner ${group.id} suspended (its group was deleted)`);
  }

  private async rename(
    scope: VendorScope,
    group: ScimGroupView,
    name: string,
    externalId: string | null,
  ): Promise<void> {
    if (name === group.companyName && externalId === group.externalId) return;
    if (!(await this.groups.update(scope, group.id, { companyName: name, externalId }, this.clock.now())))
      throw new ScimError(409, `Another partner is named ${name} or has that externalId`, 'uniqueness');
  }

  /** Members added must be the partner's already; removed ones (or those a replace leaves out) are deactivated. */
  private async membersOf(
    scope: VendorScope,
    partnerId: string,
    changes: Pick<ScimGroupChanges, 'add' | 'remove' | 'members'>,
  ): Promise<void> {
    const current = (await this.get(scope, partnerId)).members.map((m) => m.id);
    const add = changes.members ?? changes.add;
    const remove = changes.members ? current.filter((id) => !changes.members!.includes(id)) : changes.remove;
    if (add.length) {
      const found = await this.groups.usersAmong(scope, add);
      const unknown = add.filter((id) => !found.some((u) => u.id === id));
      if (unknown.length) throw new ScimError(400, `No user ${unknown[0]}`, 'invalidValue');
      const elsewhere = found.find((u) => u.partnerId !== partnerId);
      if (elsewhere)
        throw new ScimError(
          400,
          `User ${elsewhere.id} is ${elsewhere.partnerId ? "another partner's" : "the vendor's"}: a user joins a partner when provisioned (the tcma extension's partnerExternalId) and never moves`,
          'mutability',
        );
    }
    for (const id of remove.filter((id) => current.includes(id))) await this.users.deactivate(scope, id);
  }
}

import { Injectable } from '@nestjs/common';
import type { Locale } from '@tcma/locales';
import {
  Database,
  executorOf,
  InvitationRow,
  NewUser,
  partnerOwned,
  Role,
  TenantScope,
  Tx,
  vendorOwned,
} from '@tcma/persistence';

export interface NewInvitation {
  partnerId: string | null;
  email: string;
  role: Role;
  tokenHash: Buffer;
  invitedBy: string;
  expiresAt: Date;
  locale: Locale | null;
}

export interface InvitationFilter {
  partnerId?: string;
  /** Only those not yet accepted, withdrawn or expired. */
  pending?: boolean;
  limit: number;
  offset: number;
}

/** An invitation with the names its page shows. */
export type InvitationDetails = InvitationRow & { vendorName: string; partnerName: string | null };

@Injectable()
export class InvitationsRepository {
  constructor(private readonly db: Database) {}

  /** A new invitation; pending ones for the same email in the vendor are withdrawn (the newest link is the one that works). */
  async create(scope: TenantScope, input: NewInvitation, now: Date, tx: Tx): Promise<InvitationRow> {
    const db = executorOf(this.db, tx);
    await db
      .updateTable('invitations as i')
      .set({ revokedAt: now })
      .where((eb) => vendorOwned(eb, scope, 'i'))
      .where('i.email', '=', input.email)
      .where('i.acceptedAt', 'is', null)
      .where('i.revokedAt', 'is', null)
      .execute();
    return db
      .insertInto('invitations')
      .values({ ...input, vendorId: scope.vendorId, acceptedAt: null, revokedAt: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Whether a user of the vendor already has this email. */
  async emailTaken(scope: TenantScope, email: string): Promise<boolean> {
    const found = await this.db
      .selectFrom('users as u')
      .select('u.id')
      .where('u.email', '=', email)
      .where((eb) => vendorOwned(eb, scope, 'u'))
      .executeTakeFirst();
    return found !== undefined;
  }

  /** A partner scope sees its own partner's invitations only. */
  async list(
    scope: TenantScope,
    filter: InvitationFilter,
    now: Date,
  ): Promise<{ items: InvitationRow[]; total: number }> {
    const base = this.db.selectFrom('invitations as i').where((eb) => {
      const conditions = [partnerOwned(eb, scope, 'i')];
      // A vendor scope may narrow to one partner; a partner scope is narrowed already.
      if (scope.partnerId === null && filter.partnerId) conditions.push(eb('i.partnerId', '=', filter.partnerId));
      if (filter.pending)
        conditions.push(eb('i.acceptedAt', 'is', null), eb('i.revokedAt', 'is', null), eb('i.expiresAt', '>', now));
      return eb.and(conditions);
    });
    const [items, count] = await Promise.all([
      base
        .selectAll('i')
        .orderBy('i.createdAt', 'desc')
        .orderBy('i.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Withdraws a pending invitation of the scope; false when there is none to withdraw. */
  async revoke(scope: TenantScope, id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations as i')
      .set({ revokedAt: now })
      .where('i.id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'i'))
      .where('i.acceptedAt', 'is', null)
      .where('i.revokedAt', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** The invitation behind a link, whatever its state, with its vendor's (brand's display) and partner's names. */
  async findByTokenForSystem(tokenHash: Buffer): Promise<InvitationDetails | null> {
    const row = await this.db
      .selectFrom('invitations as i')
      .innerJoin('vendors as v', 'v.id', 'i.vendorId')
      .leftJoin('vendorBrands as vb', 'vb.vendorId', 'i.vendorId')
      .leftJoin('partners as p', 'p.id', 'i.partnerId')
      .selectAll('i')
      .select((eb) => [eb.fn.coalesce('vb.displayName', 'v.name').as('vendorName'), 'p.companyName as partnerName'])
      .where('i.tokenHash', '=', tokenHash)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Marks the invitation accepted, if it still may be: the one statement that decides, so of
   * two uses of the same link only one finds it pending. Null: used, withdrawn or expired.
   */
  async acceptForSystem(tokenHash: Buffer, now: Date, tx: Tx): Promise<InvitationRow | null> {
    const row = await executorOf(this.db, tx)
      .updateTable('invitations')
      .set({ acceptedAt: now })
      .where('tokenHash', '=', tokenHash)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /** The user an accepted invitation makes, in the invitation's own vendor and partner. */
  createUserForSystem(
    invitation: InvitationRow,
    user: Pick<NewUser, 'name' | 'passwordHash' | 'passwordChangedAt'>,
    tx: Tx,
  ): Promise<{ id: string }> {
    return executorOf(this.db, tx)
      .insertInto('users')
      .values({
        vendorId: invitation.vendorId,
        partnerId: invitation.partnerId,
        email: invitation.email,
        role: invitation.role,
        locale: invitation.locale,
        disabledAt: null,
        ...user,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
}

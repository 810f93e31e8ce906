import { Injectable } from '@nestjs/common';
import type { Locale } from '@tcma/locales';
import { Database, executorOf, PartnerScope, partnerOwned, Role, Tx } from '@tcma/persistence';

export interface ReminderRow {
  id: string;
  partnerId: string;
  campaignId: string;
  campaignName: string;
  recipients: number;
  launchId: string | null;
  createdAt: Date;
}

export interface ReminderRecipient {
  id: string;
  email: string;
  locale: Locale | null;
}

/** The reminders a vendor's users sent its partners, read and written in one partner's scope. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly db: Database) {}

  /** When the partner was last reminded, or null. */
  async lastAt(scope: PartnerScope): Promise<Date | null> {
    const row = await this.db
      .selectFrom('partnerReminders as r')
      .select((eb) => eb.fn.max('r.createdAt').as('at'))
      .where((eb) => partnerOwned(eb, scope, 'r'))
      .executeTakeFirst();
    return row?.at ?? null;
  }

  async create(
    scope: PartnerScope,
    row: { campaignId: string; sentBy: string; recipients: number; createdAt: Date },
    tx?: Tx,
  ): Promise<{ id: string }> {
    return executorOf(this.db, tx)
      .insertInto('partnerReminders')
      .values({ vendorId: scope.vendorId, partnerId: scope.partnerId, ...row })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  async find(scope: PartnerScope, id: string): Promise<ReminderRow | null> {
    const row = await this.db
      .selectFrom('partnerReminders as r')
      .innerJoin('campaigns as c', 'c.id', 'r.campaignId')
      .select([
        'r.id',
        'r.partnerId',
        'r.campaignId',
        'c.name as campaignName',
        'r.recipients',
        'r.launchId',
        'r.createdAt',
      ])
      .where((eb) => partnerOwned(eb, scope, 'r'))
      .where('r.id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Names the launch started from the reminder; false when another was named first (its unique key, or its row). */
  async claimLaunch(scope: PartnerScope, id: string, launchId: string, tx: Tx): Promise<boolean> {
    const result = await executorOf(this.db, tx)
      .updateTable('partnerReminders as r')
      .set({ launchId })
      .where((eb) => partnerOwned(eb, scope, 'r'))
      .where('r.id', '=', id)
      .where('r.launchId', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** The partner's enabled users, whom a reminder goes to. */
  recipients(scope: PartnerScope): Promise<ReminderRecipient[]> {
    return this.db
      .selectFrom('users as u')
      .select(['u.id', 'u.email', 'u.locale'])
      .where((eb) => partnerOwned(eb, scope, 'u'))
      .where('u.disabledAt', 'is', null)
      .orderBy('u.email')
      .execute();
  }

  /** The user a button was mailed to, while still enabled in that partner. */
  async user(scope: PartnerScope, userId: string): Promise<{ id: string; role: Role; locale: string | null } | null> {
    const row = await this.db
      .selectFrom('users as u')
      .select(['u.id', 'u.role', 'u.locale'])
      .where((eb) => partnerOwned(eb, scope, 'u'))
      .where('u.id', '=', userId)
      .where('u.disabledAt', 'is', null)
      .executeTakeFirst();
    return row ?? null;
  }
}

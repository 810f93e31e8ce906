import { Injectable } from '@nestjs/common';
import { Database } from '@tcma/persistence';

/** Settings of the installation as a whole, shared by every process (not tenant data). */
@Injectable()
export class InstanceSettingsRepository {
  constructor(private readonly db: Database) {}

  /** A setting's value; a setting not yet stored is stored as `initial` first (the first process to ask sets it for all). */
  async valueOrInit(key: string, initial: string): Promise<string> {
    await this.db
      .insertInto('instanceSettings')
      .values({ key, value: initial })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('instanceSettings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return row.value;
  }
}

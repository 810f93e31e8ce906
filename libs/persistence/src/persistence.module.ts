import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { Database, openDatabase } from './db/database';
import { DatabaseNotices } from './db/database-notices';
import { Transactions } from './db/transactions';
import { migrateDatabase } from './migrate-database';

/**
 * The one Database of a process. Opening it first creates the database and applies
 * migrations (under an advisory lock) unless MIGRATIONS_RUN=false.
 */
@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        if (config.migrationsRun) await migrateDatabase(config.databaseUrl);
        return openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize });
      },
    },
    Transactions,
    DatabaseNotices,
  ],
  exports: [Database, Transactions, DatabaseNotices],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.destroy();
  }
}

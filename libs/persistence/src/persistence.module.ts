import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { DataSource } from 'typeorm';
import { openDataSource } from './open-data-source';

/**
 * The one DataSource of a process. Opening it also creates the database and applies
 * migrations (under an advisory lock) unless MIGRATIONS_RUN=false.
 */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        openDataSource({ databaseUrl: config.databaseUrl, migrate: config.migrationsRun, poolSize: config.databasePoolSize }),
    },
  ],
  exports: [DataSource],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

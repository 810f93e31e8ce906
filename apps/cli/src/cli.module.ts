import { DynamicModule, Module } from '@nestjs/common';
import { PasswordLinksModule } from '@tcma/accounts';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { ClockModule } from '@tcma/clock';
import { AppConfig, ConfigModule } from '@tcma/config';
import { PersistenceModule } from '@tcma/persistence';
import { SigningModule } from '@tcma/signing';
import { StorageModule } from '@tcma/storage';
import { TenancyModule } from '@tcma/tenancy';

/** What the admin commands need: the domain services, without HTTP or queues. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(),
        PersistenceModule,
        StorageModule,
        SigningModule,
        TenancyModule,
        CampaignsModule,
        BrandKitsModule,
        PasswordLinksModule,
      ],
    };
  }
}

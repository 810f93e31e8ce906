import { Module } from '@nestjs/common';
import { BootstrapService } from './bootstrap.service';
import { PartnersRepository } from './partners.repository';
import { PartnersService } from './partners.service';
import { TokensRepository } from './tokens.repository';
import { TokensService } from './tokens.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { VendorsRepository } from './vendors.repository';

/** Vendors, their partners, users and API tokens: who exists and who may see what. */
@Module({
  providers: [
    VendorsRepository,
    PartnersRepository,
    PartnersService,
    UsersRepository,
    UsersService,
    TokensRepository,
    TokensService,
    BootstrapService,
  ],
  exports: [
    VendorsRepository,
    PartnersRepository,
    PartnersService,
    UsersRepository,
    UsersService,
    TokensRepository,
    TokensService,
    BootstrapService,
  ],
})
export class TenancyModule {}

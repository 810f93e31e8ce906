export {
  isPartnerRole,
  isVendorUser,
  PARTNER_ROLES,
  partnerScope,
  scopeOf,
  scopeOfPartner,
  VENDOR_ROLES,
} from './actor';
export type { Actor } from './actor';
export { BootstrapService } from './bootstrap.service';
export type { BootstrapInput, BootstrapResult } from './bootstrap.service';
export { PartnersRepository } from './partners.repository';
export type { PartnerFilter } from './partners.repository';
export { PartnersService } from './partners.service';
export type { CreatePartnerInput, UpdatePartnerInput } from './partners.service';
export { TenancyModule } from './tenancy.module';
export { generateTokenSecret, hashTokenSecret, looksLikeTokenSecret } from './token-secret';
export { TokensRepository } from './tokens.repository';
export { TokensService } from './tokens.service';
export type { IssuedToken, IssueTokenInput } from './tokens.service';
export { UsersRepository } from './users.repository';
export { UsersService } from './users.service';
export type { CreateUserInput, UpdateUserInput, UserFilter } from './users.service';
export { VendorsRepository } from './vendors.repository';

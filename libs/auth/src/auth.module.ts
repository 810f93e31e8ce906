import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TenancyModule } from '@tcma/tenancy';
import { AuthGuard } from './auth.guard';
import { BearerTokenResolver } from './bearer-token.resolver';
import { CREDENTIAL_RESOLVERS } from './credential-resolver';

@Module({
  imports: [TenancyModule],
  providers: [
    BearerTokenResolver,
    { provide: CREDENTIAL_RESOLVERS, inject: [BearerTokenResolver], useFactory: (bearer: BearerTokenResolver) => [bearer] },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}

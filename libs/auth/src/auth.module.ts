import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '@tcma/accounts';
import { TenancyModule } from '@tcma/tenancy';
import { VendorHostsModule } from '@tcma/vendor-hosts';
import { AuthGuard } from './auth.guard';
import { BearerTokenResolver } from './bearer-token.resolver';
import { CREDENTIAL_RESOLVERS } from './credential-resolver';
import { InstanceOperatorCheck } from './instance-operator';
import { SessionCookie } from './session-cookie';
import { SessionCookieResolver } from './session-cookie.resolver';

@Module({
  imports: [TenancyModule, AccountsModule, VendorHostsModule],
  providers: [
    BearerTokenResolver,
    SessionCookie,
    SessionCookieResolver,
    // Bearer first: a request with an API token is judged by it alone (and needs no CSRF token).
    {
      provide: CREDENTIAL_RESOLVERS,
      inject: [BearerTokenResolver, SessionCookieResolver],
      useFactory: (bearer: BearerTokenResolver, cookie: SessionCookieResolver) => [bearer, cookie],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    InstanceOperatorCheck,
  ],
  exports: [SessionCookie, InstanceOperatorCheck],
})
export class AuthModule {}

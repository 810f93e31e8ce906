import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@tcma/persistence';
import type { Actor } from '@tcma/tenancy';

export const IS_PUBLIC = 'tcma:public';
export const ROLES = 'tcma:roles';
export const IS_OPTIONAL_AUTH = 'tcma:optional-auth';

/** The route needs no credential (health, tracking, unsubscribe). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The route answers a caller who presents no credential at all (no cookie, no token) too, as
 * nobody: `OptionalActor()` is then undefined. A credential that is presented and not valid is
 * still refused with 401, as everywhere else.
 */
export const OptionalAuth = () => SetMetadata(IS_OPTIONAL_AUTH, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/**
 * Whoever markets: the vendor's admins and marketers, and a partner's users (a partner admin
 * through partner_user). Not the vendor approver, who reads campaigns and approves or returns
 * their drafts only: the areas under these roles (prospects, leads, launches, programmes, social
 * posts, analytics) hold prospects' personal data or the network's results, which a review does
 * not need. `@Roles(...MARKETING_ROLES)` on a controller answers the approver 403 there.
 */
export const MARKETING_ROLES: Role[] = ['vendor_admin', 'vendor_marketer', 'partner_user'];

export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The Actor the guard resolved for this request. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});

/** The Actor the guard resolved, or undefined when the caller of an `OptionalAuth()` route presented no credential. */
export const OptionalActor = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Actor | undefined =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor,
);

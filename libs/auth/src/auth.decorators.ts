import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@tcma/persistence';
import type { Actor } from '@tcma/tenancy';

export const IS_PUBLIC = 'tcma:public';
export const ROLES = 'tcma:roles';

/** The route needs no credential (health, tracking, unsubscribe). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The Actor the guard resolved for this request. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});

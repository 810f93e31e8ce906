import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACTING_FOR_HEADER, ConciergeService } from '@tcma/accounts';
import type { Role } from '@tcma/persistence';
import type { Request } from 'express';
import { AuthenticatedRequest, IS_OPTIONAL_AUTH, IS_PUBLIC, ROLES } from './auth.decorators';
import { CREDENTIAL_RESOLVERS, CredentialResolver } from './credential-resolver';

/** A partner admin is a partner user who may also invite: it may do whatever a partner user may. */
const grants = (held: Role, needed: Role): boolean =>
  held === needed || (held === 'partner_admin' && needed === 'partner_user');

/**
 * The one gate in front of every route: resolves the caller with the configured credential
 * resolvers, turns a vendor user into the partner's user when the request acts for a partner
 * (X-Acting-For, recorded in the concierge audit log), then checks the route's roles. Tenant scoping happens in the services, which
 * receive the Actor and answer 404 for anything outside it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CREDENTIAL_RESOLVERS) private readonly resolvers: CredentialResolver[],
    private readonly concierge: ConciergeService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    let presented = false;
    for (const resolver of this.resolvers) {
      const resolved = await resolver.resolve(request);
      if (resolved === undefined) continue;
      presented = true;
      if (resolved === null) break;
      const actingFor = request.headers[ACTING_FOR_HEADER];
      // Acting for a partner makes the caller that partner's user, with its prospects and leads: an
      // approver reviews the vendor's campaigns and has no need of them.
      if (typeof actingFor === 'string' && actingFor && resolved.role === 'vendor_approver')
        throw new ForbiddenException('A vendor approver does not act for a partner');
      const actor =
        typeof actingFor === 'string' && actingFor
          ? await this.concierge.actFor(resolved, actingFor, {
              method: request.method,
              path: request.originalUrl.split('?')[0],
            })
          : resolved;
      request.actor = actor;
      const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
      if (roles && !roles.some((role) => grants(actor.role, role)))
        throw new ForbiddenException(`This action needs one of the roles: ${roles.join(', ')}`);
      return true;
    }
    // No credential at all on a route that answers nobody too (the browser asking who is signed in).
    if (!presented && this.reflector.getAllAndOverride<boolean>(IS_OPTIONAL_AUTH, targets)) return true;
    throw new UnauthorizedException('Sign in, or send a valid API token (Authorization: Bearer <token>)');
  }
}

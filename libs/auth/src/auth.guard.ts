import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@tcma/persistence';
import type { Request } from 'express';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators';
import { CREDENTIAL_RESOLVERS, CredentialResolver } from './credential-resolver';

/**
 * The one gate in front of every route: resolves the caller with the configured credential
 * resolvers, then checks the route's roles. Tenant scoping happens in the services, which
 * receive the Actor and answer 404 for anything outside it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CREDENTIAL_RESOLVERS) private readonly resolvers: CredentialResolver[],
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    for (const resolver of this.resolvers) {
      const actor = await resolver.resolve(request);
      if (actor === undefined) continue;
      if (actor === null) break;
      request.actor = actor;
      const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
      if (roles && !roles.includes(actor.role)) throw new ForbiddenException(`This action needs one of the roles: ${roles.join(', ')}`);
      return true;
    }
    throw new UnauthorizedException('A valid API token is required (Authorization: Bearer <token>)');
  }
}

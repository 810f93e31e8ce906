import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import type { Actor } from '@tcma/tenancy';
import type { Request } from 'express';
import { CREDENTIAL_RESOLVERS, CredentialResolver } from './credential-resolver';

/**
 * The installation's operator: an admin of the vendor INSTANCE_OPERATOR_VENDOR_ID names
 * (README "Operations"). Only they see installation-wide tools such as the queue dashboard;
 * to everyone else, any other vendor's admins included, those tools do not exist (404).
 */
export function isInstanceOperator(actor: Actor | null | undefined, operatorVendorId: string | undefined): boolean {
  return (
    !!actor &&
    !!operatorVendorId &&
    actor.role === 'vendor_admin' &&
    !actor.concierge &&
    actor.vendorId.toLowerCase() === operatorVendorId.toLowerCase()
  );
}

/**
 * Whether a request comes from the instance operator, by the same credentials the guard reads
 * (an API token, or a session cookie with its CSRF rules), for routes outside Nest's guards
 * (the dashboard is Express middleware). Never throws: an invalid credential is no operator.
 */
@Injectable()
export class InstanceOperatorCheck {
  constructor(
    @Inject(CREDENTIAL_RESOLVERS) private readonly resolvers: CredentialResolver[],
    private readonly config: AppConfig,
  ) {}

  async isOperator(request: Request): Promise<boolean> {
    if (!this.config.instanceOperatorVendorId) return false;
    for (const resolver of this.resolvers) {
      const actor = await resolver.resolve(request).catch(() => null);
      if (actor === undefined) continue;
      return isInstanceOperator(actor, this.config.instanceOperatorVendorId);
    }
    return false;
  }
}

import { generateServiceProviderMetadata, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { SsoConnectionRow } from '@tcma/persistence';
import { readClaims, safeReturnPath, SsoRefusedError } from './sso-claims';
import { checkSubject, SAML_CLOCK_SKEW_MS } from './saml-subject';
import { samlClaims } from './saml-claims';
import { SamlRequestCache } from './saml-request-cache';
import { samlAcsUrl, samlEntityId } from './saml-urls';
import { SamlRepository } from './saml.repository';
import { SsoProvisioning } from './sso-provisioning.service';
import type { SsoFinish } from './sso-sign-in.service';
import { SSO_STATE_TTL_MS } from './sso-state';
import { testerOf, testRelayState } from './sso-test';
import { Signer } from '@tcma/signing';
import { randomBytes } from 'node:crypto';

export type SamlFinish = SsoFinish;

/**
 * Signing in through a vendor's SAML 2.0 identity provider. Started here (an AuthnRequest over
 * HTTP-Redirect, its id kept in Postgres until answered) or at the provider (an unsolicited
 * response: the PRM's "open the marketing portal"). node-saml checks the signature (of the
 * response or of its assertion: one is required, by a certificate of the provider's metadata),
 * the audience, the conditions' time window and `InResponseTo` against the requests sent;
 * checkSubject adds the issuer, the recipient and the subject's own time window, and each
 * assertion id is used once. Claims and provisioning are the OpenID ones.
 */
@Injectable()
export class SamlSignInService {
  private readonly logger = new Logger(SamlSignInService.name);

  constructor(
    private readonly provisioning: SsoProvisioning,
    private readonly repository: SamlRepository,
    private readonly signer: Signer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The engine's metadata for the connection's identity provider to register. */
  async metadata(connectionId: string, acsOrigin: string): Promise<string> {
    const connection = await this.provisioning.usable(connectionId, 'saml', null);
    return generateServiceProviderMetadata({
      issuer: samlEntityId(this.config.publicBaseUrl, connection.id),
      callbackUrl: samlAcsUrl(acsOrigin, connection.id),
      wantAssertionsSigned: true,
      identifierFormat: null,
    });
  }

  /** Where the browser goes: the provider's SSO URL with a deflated AuthnRequest; RelayState carries the return path. */
  async start(
    connectionId: string,
    returnTo: unknown,
    acsOrigin: string,
    onlyVendorId: string | null,
    testTicket?: unknown,
  ): Promise<string> {
    const connection = await this.provisioning.usable(connectionId, 'saml', onlyVendorId);
    const test = await this.provisioning.testTicket(connection.id, testTicket);
    try {
      // The request's id is chosen here (as node-saml would: 20 random bytes) so a test can sign it into its RelayState.
      const requestId = `_${randomBytes(20).toString('hex')}`;
      const relayState = test ? testRelayState(this.signer, requestId, test.userId) : safeReturnPath(returnTo);
      return await this.saml(connection, acsOrigin, () => requestId).getAuthorizeUrlAsync(relayState, undefined, {});
    } catch (e) {
      throw await this.provisioning.refused(connection.id, new SsoRefusedError('provider', (e as Error).message));
    }
  }

  /** The provider's POST to the assertion consumer service: checked, its user found or provisioned. */
  async acs(
    connectionId: string,
    body: { SAMLResponse?: unknown; RelayState?: unknown },
    acsOrigin: string,
    onlyVendorId: string | null,
  ): Promise<SamlFinish> {
    const connection = await this.provisioning.usable(connectionId, 'saml', onlyVendorId);
    try {
      if (typeof body.SAMLResponse !== 'string' || body.SAMLResponse === '')
        throw new SsoRefusedError('provider', 'no SAMLResponse');
      const acsUrl = samlAcsUrl(acsOrigin, connection.id);
      let profile;
      try {
        ({ profile } = await this.saml(connection, acsOrigin).validatePostResponseAsync({
          SAMLResponse: body.SAMLResponse,
        }));
      } catch (e) {
        const reason = /InResponseTo/.test((e as Error).message) ? 'expired' : 'provider';
        throw new SsoRefusedError(reason, (e as Error).message);
      }
      if (!profile) throw new SsoRefusedError('provider', 'not a sign-in response');
      const now = this.clock.now();
      const subject = checkSubject(profile, { idpEntityId: connection.samlIdpEntityId!, acsUrl, now });
      if (!(await this.repository.consumeAssertionForSystem(connection.id, subject.assertionId, subject.keepUntil)))
        throw new SsoRefusedError('provider', `assertion ${subject.assertionId} was used already (a replay)`);
      const claims = samlClaims(
        profile.nameID,
        profile.nameIDFormat,
        (profile.attributes ?? {}) as Record<string, unknown>,
      );
      const inResponseTo = typeof profile.inResponseTo === 'string' ? profile.inResponseTo : undefined;
      const testerId = testerOf(this.signer, body.RelayState, inResponseTo);
      if (testerId)
        return {
          kind: 'tested',
          result: await this.provisioning.test(connection, claims, now),
          testerId,
          ownedByPartner: connection.partnerId !== null,
        };
      const user = await this.provisioning.account(connection, readClaims(claims, connection));
      this.logger.log(
        `Single sign-on: user ${user.id} through SAML connection ${connection.id} (assertion ${subject.assertionId}${profile.inResponseTo ? '' : ', unsolicited'})`,
      );
      return { kind: 'signed-in', user, returnTo: safeReturnPath(body.RelayState) };
    } catch (e) {
      throw await this.provisioning.refused(connection.id, e);
    }
  }

  private saml(connection: SsoConnectionRow, acsOrigin: string, generateUniqueId?: () => string): SAML {
    const entityId = samlEntityId(this.config.publicBaseUrl, connection.id);
    return new SAML({
      ...(generateUniqueId ? { generateUniqueId } : {}),
      issuer: entityId,
      audience: entityId,
      callbackUrl: samlAcsUrl(acsOrigin, connection.id),
      entryPoint: connection.samlIdpSsoUrl!,
      idpCert: connection.samlIdpCertificates!,
      // Either signature will do, but one is required: node-saml checks the assertion's own
      // whenever the response's is missing or does not verify.
      wantAuthnResponseSigned: false,
      wantAssertionsSigned: false,
      // A response naming a request must name one sent and not yet answered; one naming none is
      // unsolicited (IdP-initiated), which the PRM's portal link needs.
      validateInResponseTo: ValidateInResponseTo.ifPresent,
      requestIdExpirationPeriodMs: SSO_STATE_TTL_MS,
      cacheProvider: new SamlRequestCache(this.repository, connection.id, SSO_STATE_TTL_MS, this.clock),
      acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
      // The provider decides how its users authenticate (MFA included) and which NameID it sends.
      disableRequestedAuthnContext: true,
      identifierFormat: null,
      signatureAlgorithm: 'sha256',
    });
  }
}

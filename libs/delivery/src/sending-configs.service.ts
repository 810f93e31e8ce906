import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { InvalidError, NotFoundError, Problem } from '@tcma/errors';
import { Signer } from '@tcma/signing';
import { PartnerScope, SendingConfigRow, TenantScope, VendorScope } from '@tcma/persistence';
import { Actor, PartnersService, scopeOf, scopeOfPartner, VendorsRepository } from '@tcma/tenancy';
import { createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { DnsRecord, dnsRecordsToPublish } from './dns/sending-dns-records';
import { SendingConfigsRepository } from './sending-configs.repository';
import { TransportRegistry } from './transport-registry';

/** The size of the RSA keys the engine generates: what receivers expect today (RFC 8301 asks for at least 1024, 2048 is the norm). */
export const DKIM_KEY_BITS = 2048;

/** The selector of a generated key when none is given: `tcma<yyyymm>` (UTC), so a new key each month gets a new name. */
export function defaultDkimSelector(now: Date): string {
  return `tcma${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const generateRsaKeyPair = promisify(generateKeyPair);

export interface SendingConfigInput {
  smtpUrl?: string | null;
  dkim?: { domain: string; selector: string; privateKey: string } | null;
  ratePerSecond?: number | null;
  /** Vendor level only: the domain of From addresses for partners without a sender identity. */
  sendingDomain?: string | null;
}

export interface SendingConfigView {
  scope: 'vendor' | 'partner';
  partnerId: string | null;
  smtp: { host: string; port: number | null; secure: boolean; user: string | null } | null;
  dkim: { domain: string; selector: string } | null;
  ratePerSecond: number | null;
  sendingDomain?: string | null;
  /** The TXT records to publish for these settings (computed from the stored key; never the private key). */
  dnsRecords: DnsRecord[];
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** SMTP, DKIM and rate for a vendor, or for one partner; secrets are sealed, never shown. */
@Injectable()
export class SendingConfigsService {
  constructor(
    private readonly configs: SendingConfigsRepository,
    private readonly partners: PartnersService,
    private readonly vendors: VendorsRepository,
    private readonly signer: Signer,
    private readonly transports: TransportRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, partnerId: string | null): Promise<SendingConfigView> {
    const row = await this.configs.find(await this.scope(actor, partnerId));
    return this.view(actor, partnerId, row);
  }

  async put(actor: Actor, partnerId: string | null, input: SendingConfigInput): Promise<SendingConfigView> {
    const scope = await this.scope(actor, partnerId);
    const problems: Problem[] = [];
    let smtp: URL | null = null;
    if (input.smtpUrl) {
      try {
        smtp = new URL(input.smtpUrl);
        if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:')
          problems.push({ path: 'smtpUrl', message: 'must start with smtp:// or smtps://' });
      } catch {
        problems.push({ path: 'smtpUrl', message: 'must be a URL such as smtp://user:password@mail.example.com:587' });
      }
    }
    if (input.dkim) {
      if (!DOMAIN.test(input.dkim.domain)) problems.push({ path: 'dkim.domain', message: 'must be a domain name' });
      if (!/^[a-z0-9][a-z0-9._-]{0,62}$/i.test(input.dkim.selector))
        problems.push({ path: 'dkim.selector', message: 'must be a DNS label' });
      try {
        if (createPrivateKey(input.dkim.privateKey).asymmetricKeyType !== 'rsa')
          problems.push({ path: 'dkim.privateKey', message: 'must be an RSA private key' });
      } catch {
        problems.push({ path: 'dkim.privateKey', message: 'must be a PEM private key' });
      }
    }
    if (input.sendingDomain && (partnerId || !DOMAIN.test(input.sendingDomain))) {
      problems.push({
        path: 'sendingDomain',
        message: partnerId ? 'is set at vendor level only' : 'must be a domain name',
      });
    }
    if (problems.length) throw new InvalidError('The sending configuration is invalid; nothing was saved', problems);
    // A field left out keeps its value (a form never holds the SMTP password or the DKIM key); null clears it.
    const current = await this.configs.find(scope);
    const row = await this.configs.upsert(scope, {
      smtpUrlEncrypted:
        input.smtpUrl === undefined ? (current?.smtpUrlEncrypted ?? null) : smtp ? this.signer.seal(smtp.href) : null,
      ...(input.dkim === undefined
        ? {
            dkimDomain: current?.dkimDomain ?? null,
            dkimSelector: current?.dkimSelector ?? null,
            dkimKeyEncrypted: current?.dkimKeyEncrypted ?? null,
          }
        : {
            dkimDomain: input.dkim?.domain.toLowerCase() ?? null,
            dkimSelector: input.dkim?.selector ?? null,
            dkimKeyEncrypted: input.dkim ? this.signer.seal(input.dkim.privateKey) : null,
          }),
      ratePerSecond: input.ratePerSecond === undefined ? (current?.ratePerSecond ?? null) : input.ratePerSecond,
    });
    if (!partnerId && input.sendingDomain !== undefined)
      await this.vendors.setSendingDomain(scopeOf(actor), input.sendingDomain?.toLowerCase() ?? null);
    this.transports.forget(actor.vendorId);
    return this.view(actor, partnerId, row);
  }

  /**
   * Generates a DKIM key pair for the vendor's sending domain and keeps the private key sealed,
   * as a key given to PUT is; the key replaces any other at once (mail fails DKIM until the
   * DNS has the new public key). 422 when no sending domain is set or the selector is no DNS label.
   */
  async generateVendorDkim(actor: Actor, selector: string | undefined): Promise<SendingConfigView> {
    const scope = new VendorScope(actor.vendorId);
    const domain = (await this.vendors.find(scopeOf(actor)))?.sendingDomain ?? null;
    const problems: Problem[] = [];
    if (!domain)
      problems.push({
        path: 'sendingDomain',
        message: 'set a sending domain first (PUT /sending): the key signs for it',
      });
    if (selector !== undefined && !DNS_LABEL.test(selector))
      problems.push({
        path: 'selector',
        message: 'must be a DNS label: letters, digits and hyphens, at most 63, not starting or ending with a hyphen',
      });
    if (problems.length || !domain) throw new InvalidError('No DKIM key was generated', problems);
    const { privateKey } = await generateRsaKeyPair('rsa', {
      modulusLength: DKIM_KEY_BITS,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const row = await this.configs.setDkim(scope, {
      dkimDomain: domain,
      dkimSelector: (selector ?? defaultDkimSelector(this.clock.now())).toLowerCase(),
      dkimKeyEncrypted: this.signer.seal(privateKey),
    });
    this.transports.forget(actor.vendorId);
    return this.view(actor, null, row);
  }

  /** The domain (d=) of the DKIM key that signs the partner's mail: its own configuration's, else its vendor's. */
  async dkimDomainOf(scope: PartnerScope): Promise<string | null> {
    return (await this.configs.effective(scope))?.dkimDomain ?? null;
  }

  async remove(actor: Actor, partnerId: string | null): Promise<void> {
    if (!(await this.configs.remove(await this.scope(actor, partnerId))))
      throw new NotFoundError('Sending configuration');
    this.transports.forget(actor.vendorId);
  }

  /** One partner's settings (found in the actor's vendor, else 404), or the vendor's own. */
  private async scope(actor: Actor, partnerId: string | null): Promise<TenantScope> {
    return partnerId ? scopeOfPartner(await this.partners.get(actor, partnerId)) : new VendorScope(actor.vendorId);
  }

  private async view(actor: Actor, partnerId: string | null, row: SendingConfigRow | null): Promise<SendingConfigView> {
    const smtp = row?.smtpUrlEncrypted ? new URL(this.signer.unseal(row.smtpUrlEncrypted)) : null;
    const vendor = partnerId ? null : await this.vendors.find(scopeOf(actor));
    const dkim =
      row?.dkimDomain && row.dkimSelector && row.dkimKeyEncrypted
        ? { domain: row.dkimDomain, selector: row.dkimSelector, publicKey: this.publicKeyOf(row.dkimKeyEncrypted) }
        : null;
    const envSmtp = this.config.smtpUrl ? new URL(this.config.smtpUrl) : null;
    const dnsRecords = dnsRecordsToPublish({
      // A partner's own configuration protects the domain of its own key; the vendor's, its sending domain.
      domain: partnerId ? (row?.dkimDomain ?? null) : (vendor?.sendingDomain ?? null),
      dkim,
      smtpHost: (smtp ?? envSmtp)?.hostname ?? null,
      spfInclude: this.config.spfInclude,
    });
    return {
      scope: partnerId ? 'partner' : 'vendor',
      partnerId,
      smtp: smtp
        ? {
            host: smtp.hostname,
            port: smtp.port ? Number(smtp.port) : null,
            secure: smtp.protocol === 'smtps:',
            user: smtp.username ? decodeURIComponent(smtp.username) : null,
          }
        : null,
      dkim: row?.dkimDomain && row.dkimSelector ? { domain: row.dkimDomain, selector: row.dkimSelector } : null,
      ratePerSecond: row?.ratePerSecond ?? null,
      ...(partnerId ? {} : { sendingDomain: vendor?.sendingDomain ?? null }),
      dnsRecords,
    };
  }

  /** The base64 SPKI of a sealed private key: what the DKIM record's p= must hold. */
  private publicKeyOf(sealed: string): string {
    return createPublicKey(this.signer.unseal(sealed)).export({ type: 'spki', format: 'der' }).toString('base64');
  }
}

import { Injectable } from '@nestjs/common';
import { InvalidError, NotFoundError, Problem } from '@tcma/errors';
import { Signer } from '@tcma/signing';
import { PartnerScope, TenantScope, VendorScope } from '@tcma/persistence';
import { Actor, PartnersService, scopeOf, scopeOfPartner, VendorsRepository } from '@tcma/tenancy';
import { createPrivateKey } from 'node:crypto';
import { SendingConfigsRepository } from './sending-configs.repository';

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
        if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:') problems.push({ path: 'smtpUrl', message: 'must start with smtp:// or smtps://' });
      } catch {
        problems.push({ path: 'smtpUrl', message: 'must be a URL such as smtp://user:password@mail.example.com:587' });
      }
    }
    if (input.dkim) {
      if (!DOMAIN.test(input.dkim.domain)) problems.push({ path: 'dkim.domain', message: 'must be a domain name' });
      if (!/^[a-z0-9][a-z0-9._-]{0,62}$/i.test(input.dkim.selector)) problems.push({ path: 'dkim.selector', message: 'must be a DNS label' });
      try {
        if (createPrivateKey(input.dkim.privateKey).asymmetricKeyType !== 'rsa') problems.push({ path: 'dkim.privateKey', message: 'must be an RSA private key' });
      } catch {
        problems.push({ path: 'dkim.privateKey', message: 'must be a PEM private key' });
      }
    }
    if (input.sendingDomain && (partnerId || !DOMAIN.test(input.sendingDomain))) {
      problems.push({ path: 'sendingDomain', message: partnerId ? 'is set at vendor level only' : 'must be a domain name' });
    }
    if (problems.length) throw new InvalidError('The sending configuration is invalid; nothing was saved', problems);
    const row = await this.configs.upsert(scope, {
      smtpUrlEncrypted: smtp ? this.signer.seal(smtp.href) : null,
      dkimDomain: input.dkim?.domain.toLowerCase() ?? null,
      dkimSelector: input.dkim?.selector ?? null,
      dkimKeyEncrypted: input.dkim ? this.signer.seal(input.dkim.privateKey) : null,
      ratePerSecond: input.ratePerSecond ?? null,
    });
    if (!partnerId && input.sendingDomain !== undefined) await this.vendors.setSendingDomain(scopeOf(actor), input.sendingDomain?.toLowerCase() ?? null);
    return this.view(actor, partnerId, row);
  }

  /** The domain (d=) of the DKIM key that signs the partner's mail: its own configuration's, else its vendor's. */
  async dkimDomainOf(scope: PartnerScope): Promise<string | null> {
    return (await this.configs.effective(scope))?.dkimDomain ?? null;
  }

  async remove(actor: Actor, partnerId: string | null): Promise<void> {
    if (!(await this.configs.remove(await this.scope(actor, partnerId)))) throw new NotFoundError('Sending configuration');
  }

  /** One partner's settings (found in the actor's vendor, else 404), or the vendor's own. */
  private async scope(actor: Actor, partnerId: string | null): Promise<TenantScope> {
    return partnerId ? scopeOfPartner(await this.partners.get(actor, partnerId)) : new VendorScope(actor.vendorId);
  }

  private async view(actor: Actor, partnerId: string | null, row: Awaited<ReturnType<SendingConfigsRepository['find']>>): Promise<SendingConfigView> {
    const smtp = row?.smtpUrlEncrypted ? new URL(this.signer.unseal(row.smtpUrlEncrypted)) : null;
    const vendor = partnerId ? null : await this.vendors.find(scopeOf(actor));
    return {
      scope: partnerId ? 'partner' : 'vendor',
      partnerId,
      smtp: smtp ? { host: smtp.hostname, port: smtp.port ? Number(smtp.port) : null, secure: smtp.protocol === 'smtps:', user: smtp.username ? decodeURIComponent(smtp.username) : null } : null,
      dkim: row?.dkimDomain && row.dkimSelector ? { domain: row.dkimDomain, selector: row.dkimSelector } : null,
      ratePerSecond: row?.ratePerSecond ?? null,
      ...(partnerId ? {} : { sendingDomain: vendor?.sendingDomain ?? null }),
    };
  }
}

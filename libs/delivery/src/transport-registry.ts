import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SendingConfigRow, VendorScope } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import nodemailer, { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { ConnectionSlots } from './connection-slots';
import { OutboxRepository } from './outbox.repository';
import { outboxTransport } from './outbox.transport';
import { SendingConfigsRepository } from './sending-configs.repository';

export interface DkimSettings {
  domainName: string;
  keySelector: string;
  privateKey: string;
  headerFieldNames: string;
}

/**
 * The headers DKIM signs: those of RFC 6376 §5.4's list this engine can write, plus
 * List-Unsubscribe-Post, which RFC 8058 §4 requires under the signature for one-click
 * unsubscribe to be honoured (nodemailer's default list leaves it out).
 */
export const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Content-ID',
  'Content-Description',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':');

export interface ResolvedTransport {
  /** Identifies the transport (and its rate bucket): a config and its revision, the env SMTP or the outbox. */
  key: string;
  transporter: Transporter<SMTPTransport.SentMessageInfo>;
  ratePerSecond: number;
  dkim: DkimSettings | null;
  isOutbox: boolean;
  /** One per pooled connection: a send holds one while it is on the wire (see ConnectionSlots). */
  slots: ConnectionSlots;
  /** Where it sends, for logs: the SMTP host and port, or "the local outbox". */
  label: string;
}

/** Messages the local outbox writes at once (it has no connections; this bounds its writes in flight). */
const OUTBOX_SLOTS = 16;

/** How long the transport chosen for a (vendor, partner) is reused before the database is asked again. */
export const RESOLVE_TTL_MS = 15_000;

/**
 * The nodemailer transport for a partner's sends: its own SMTP configuration, else its
 * vendor's, else SMTP_URL, else the local outbox. SMTP transports are pooled and shared by
 * every send with the same configuration; they are closed on shutdown.
 */
@Injectable()
export class TransportRegistry implements OnApplicationShutdown {
  private readonly logger = new Logger(TransportRegistry.name);
  private readonly transports = new Map<
    string,
    { transporter: Transporter<SMTPTransport.SentMessageInfo>; slots: ConnectionSlots }
  >();
  /** Promises, so that the steps of a job arriving together ask the database once, not once each. */
  private readonly resolved = new Map<string, { at: number; value: Promise<ResolvedTransport> }>();

  constructor(
    private readonly configs: SendingConfigsRepository,
    private readonly outbox: OutboxRepository,
    private readonly signer: Signer,
    private readonly config: AppConfig,
  ) {}

  async forPartner(vendorId: string, partnerId: string): Promise<ResolvedTransport> {
    return this.resolve(`${vendorId}:${partnerId}`, () => this.configs.effectiveForSystem(vendorId, partnerId));
  }

  /** The vendor's own transport (its sending configuration, else SMTP_URL, else the outbox): the engine's notices on its behalf. */
  async forVendor(scope: VendorScope): Promise<ResolvedTransport> {
    return this.resolve(`${scope.vendorId}:`, () => this.configs.find(scope));
  }

  /**
   * Forgets what was resolved for a vendor and its partners, after their settings changed:
   * this process uses the new ones at once; other processes within RESOLVE_TTL_MS.
   */
  forget(vendorId: string): void {
    for (const key of this.resolved.keys()) if (key.startsWith(`${vendorId}:`)) this.resolved.delete(key);
  }

  private resolve(cacheKey: string, load: () => Promise<SendingConfigRow | null>): Promise<ResolvedTransport> {
    const cached = this.resolved.get(cacheKey);
    if (cached && Date.now() - cached.at < RESOLVE_TTL_MS) return cached.value;
    const value = this.load(load);
    const entry = { at: Date.now(), value };
    this.resolved.set(cacheKey, entry);
    // A failed read is not kept: the next call asks again.
    value.catch(() => {
      if (this.resolved.get(cacheKey) === entry) this.resolved.delete(cacheKey);
    });
    return value;
  }

  private async load(load: () => Promise<SendingConfigRow | null>): Promise<ResolvedTransport> {
    const row = await load();
    const smtpUrl = row?.smtpUrlEncrypted ? this.signer.unseal(row.smtpUrlEncrypted) : this.config.smtpUrl;
    const key = row?.smtpUrlEncrypted ? `config:${row.id}:${row.revision}` : smtpUrl ? 'env' : 'outbox';
    const dkim =
      row?.dkimDomain && row.dkimSelector && row.dkimKeyEncrypted
        ? {
            domainName: row.dkimDomain,
            keySelector: row.dkimSelector,
            privateKey: this.signer.unseal(row.dkimKeyEncrypted),
            headerFieldNames: DKIM_SIGNED_HEADERS,
          }
        : null;
    const { transporter, slots } = this.transport(key, smtpUrl);
    const value: ResolvedTransport = {
      key,
      transporter,
      slots,
      label: smtpUrl ? hostOf(smtpUrl) : 'the local outbox',
      ratePerSecond: row?.ratePerSecond ?? this.config.sendRatePerSecond,
      dkim,
      isOutbox: key === 'outbox',
    };
    return value;
  }

  private transport(
    key: string,
    smtpUrl: string | undefined,
  ): { transporter: Transporter<SMTPTransport.SentMessageInfo>; slots: ConnectionSlots } {
    let entry = this.transports.get(key);
    if (!entry) {
      // maxRequeues 0: the pool would otherwise silently resend a message whose connection
      // closed mid-transfer, which the server may already have accepted (a duplicate).
      const transporter = smtpUrl
        ? nodemailer.createTransport({
            url: smtpUrl,
            pool: true,
            maxConnections: this.config.smtpMaxConnections,
            maxMessages: 1000,
            maxRequeues: 0,
            socketTimeout: 60_000,
          } as SMTPTransport.Options)
        : nodemailer.createTransport(outboxTransport(this.outbox));
      entry = { transporter, slots: new ConnectionSlots(smtpUrl ? this.config.smtpMaxConnections : OUTBOX_SLOTS) };
      this.transports.set(key, entry);
    }
    return entry;
  }

  onApplicationShutdown(): void {
    for (const [key, { transporter }] of this.transports) {
      transporter.close();
      this.logger.debug(`Closed transport ${key}`);
    }
    this.transports.clear();
  }
}

/** host:port of an SMTP URL, without credentials. */
function hostOf(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

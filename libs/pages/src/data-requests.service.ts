import { Injectable } from '@nestjs/common';
import { ImportFilesErasure } from '@tcma/audience';
import { Clock } from '@tcma/clock';
import { normalizeEmailAddress } from '@tcma/email-address';
import { InvalidError } from '@tcma/errors';
import {
  DataRequestRow,
  Found,
  PageWindow,
  PartnerScope,
  SuppressionRow,
  TenantScope,
  Transactions,
} from '@tcma/persistence';
import { Actor, isVendorUser, PartnersService, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { createHash } from 'node:crypto';
import { DataRequestsRepository, Erased, HeldByPartner } from './data-requests.repository';

export interface DataRequestInput {
  email: string;
  /** Vendor users: only this partner (else every partner whose contacts they see). Partner users: their own, always. */
  partnerId?: string;
}

/** Everything held about an address, partner by partner. */
export interface DataExport {
  requestId: string;
  email: string;
  exportedAt: Date;
  partners: Array<HeldByPartner & { partnerId: string }>;
  suppressions: SuppressionRow[];
}

export interface DataErasure {
  requestId: string;
  erased: Erased & { importReportRows: number; importFiles: number };
}

/**
 * Data subject requests for an email address: a JSON copy of everything held about it, or its
 * erasure (aggregate counts stay). Partner users act within their partner; vendor users within
 * one named partner or every partner whose contacts they see. A partner keeping its contacts
 * private answers for its own people: its users make the request. Each request is recorded
 * (who, when, where, counts) without the address itself.
 */
@Injectable()
export class DataRequestsService {
  constructor(
    private readonly requests: DataRequestsRepository,
    private readonly importFiles: ImportFilesErasure,
    private readonly partners: PartnersService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async export(actor: Actor, input: DataRequestInput): Promise<DataExport> {
    const email = checkEmail(input.email);
    const { scope, partners } = await this.scopes(actor, input.partnerId);
    const held: DataExport['partners'] = [];
    for (const partner of partners) {
      const found = await this.requests.held(partner, email);
      if (found) held.push({ partnerId: partner.partnerId, ...found });
    }
    const suppressions = await this.requests.suppressions(
      scope,
      partners.map((p) => p.partnerId),
      email,
    );
    const found = {
      prospects: held.length,
      consentRecords: sum(held, (h) => h.consent.length),
      events: sum(held, (h) => h.events.length),
      leads: sum(held, (h) => h.leads.length),
      suppressions: suppressions.length,
    };
    const request = await this.requests.record(scope, {
      kind: 'export',
      emailHash: hashOf(email),
      requestedBy: actor.userId,
      found,
    });
    return { requestId: request.id, email, exportedAt: this.clock.now(), partners: held, suppressions };
  }

  async erase(actor: Actor, input: DataRequestInput): Promise<DataErasure> {
    const email = checkEmail(input.email);
    const { scope, partners } = await this.scopes(actor, input.partnerId);
    // The files first: storage is not in the transaction, and a file rewritten without the person
    // is what was asked even if the rows below must be tried again.
    const files = { importReportRows: 0, importFiles: 0 };
    for (const partner of partners) {
      const one = await this.importFiles.erase(partner, email);
      files.importReportRows += one.reportRows;
      files.importFiles += one.files;
    }
    return this.transactions.run(async (tx) => {
      const erased: Erased = {
        prospects: 0,
        consentRecords: 0,
        leads: 0,
        events: 0,
        enrollments: 0,
        webhookDeliveries: 0,
        outboxMessages: 0,
      };
      for (const partner of partners) {
        const one = await this.requests.erase(partner, email, tx);
        for (const key of Object.keys(erased) as Array<keyof Erased>) erased[key] += one[key];
      }
      const request = await this.requests.record(
        scope,
        { kind: 'erasure', emailHash: hashOf(email), requestedBy: actor.userId, found: { ...erased, ...files } },
        tx,
      );
      return { requestId: request.id, erased: { ...erased, ...files } };
    });
  }

  list(actor: Actor, window: PageWindow): Promise<Found<DataRequestRow>> {
    return this.requests.list(scopeOf(actor), window);
  }

  /** The scope the request is recorded at, and the partners it covers. */
  private async scopes(
    actor: Actor,
    named: string | undefined,
  ): Promise<{ scope: TenantScope; partners: PartnerScope[] }> {
    if (!isVendorUser(actor) || named) {
      const partner = await this.partners.contactsScope(actor, named ?? actor.partnerId ?? '');
      return { scope: partner, partners: [partner] };
    }
    const scope = scopeOf(actor);
    return { scope, partners: (await this.requests.partnersWithContacts(scope)).map((p) => scopeOfPartner(p)) };
  }
}

function checkEmail(raw: string): string {
  const email = normalizeEmailAddress(raw);
  if (!email.ok) throw new InvalidError('The email is invalid', [{ path: 'email', message: email.message }]);
  return email.value.toLowerCase();
}

/** The record keeps the address only as this. */
const hashOf = (email: string) => createHash('sha256').update(email, 'utf8').digest('hex');

const sum = <T>(items: T[], count: (item: T) => number) => items.reduce((n, item) => n + count(item), 0);

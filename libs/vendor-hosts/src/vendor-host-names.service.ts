import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { TxtResolver } from '@tcma/delivery';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '@tcma/errors';
import { VendorHostNameRow, VendorScope } from '@tcma/persistence';
import { Actor, isPartnerRole } from '@tcma/tenancy';
import { randomBytes } from 'node:crypto';
import { challengeProblem, challengeRecord, hostNameOf } from './host-name';
import { HostVendors } from './host-vendors.service';
import { VendorHostNamesRepository } from './vendor-host-names.repository';

/** Host names one vendor may hold, pending or verified (a portal or two, and room to move). */
export const MAX_HOST_NAMES_PER_VENDOR = 5;

const taken = () =>
  new ConflictError('The host name is taken', [
    { path: 'host', message: 'is verified by another vendor: it serves their partner portal' },
  ]);

/**
 * A vendor's host names: claimed by a vendor admin, proven by a DNS TXT record that the
 * engine looks up through its one TXT resolver (the sending domain's DKIM check's), never by
 * typing the name alone. A verified host stays verified until removed: the record may then go.
 */
@Injectable()
export class VendorHostNamesService {
  private readonly engineHost: string;

  constructor(
    private readonly hostNames: VendorHostNamesRepository,
    private readonly hostVendors: HostVendors,
    private readonly resolver: TxtResolver,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.engineHost = new URL(config.publicBaseUrl).hostname.toLowerCase();
  }

  list(actor: Actor): Promise<VendorHostNameRow[]> {
    return this.hostNames.list(this.scopeOf(actor));
  }

  /** The vendor's verified host names: its users, and its partners', may sign in at any of them. */
  async verifiedHosts(vendorId: string): Promise<string[]> {
    const rows = await this.hostNames.list(new VendorScope(vendorId));
    return rows.filter((h) => h.status === 'verified').map((h) => h.host);
  }

  /** A pending claim of `rawHost`, with a new random token for its TXT record. */
  async claim(actor: Actor, rawHost: string): Promise<VendorHostNameRow> {
    const scope = this.scopeOf(actor);
    const parsed = hostNameOf(rawHost, this.engineHost);
    if ('problem' in parsed)
      throw new InvalidError('The host name cannot be used', [{ path: 'host', message: parsed.problem }]);
    if (await this.hostNames.verifiedByAnotherVendor(scope, parsed.host)) throw taken();
    const outcome = await this.hostNames.claim(
      scope,
      parsed.host,
      randomBytes(24).toString('base64url'),
      MAX_HOST_NAMES_PER_VENDOR,
    );
    if ('claimed' in outcome) return outcome.claimed;
    if (outcome.refused === 'claimed')
      throw new ConflictError('The host name is claimed already', [
        { path: 'host', message: 'you have claimed it already: check or remove it in the list' },
      ]);
    throw new InvalidError('Too many host names', [
      { path: 'host', message: `at most ${MAX_HOST_NAMES_PER_VENDOR} host names per vendor: remove one first` },
    ]);
  }

  /**
   * Looks the TXT record up now: found, a pending host is verified (409 when another vendor
   * verified it first); not found, the reason is kept for the console to show.
   */
  async check(actor: Actor, id: string): Promise<VendorHostNameRow> {
    const scope = this.scopeOf(actor);
    const row = await this.hostNames.find(scope, id);
    if (!row) throw new NotFoundError('Host name');
    const record = challengeRecord(row.host, row.verificationToken);
    const lookup = await this.resolver.lookup(record.name);
    const problem = challengeProblem(lookup, record.name, record.value);
    const checkedAt = this.clock.now();
    if (problem || row.status === 'verified') {
      return this.recorded(await this.hostNames.recordCheck(scope, id, { checkedAt, lastError: problem }));
    }
    if (await this.hostNames.verifiedByAnotherVendor(scope, row.host)) throw taken();
    try {
      const verified = await this.hostNames.recordCheck(scope, id, {
        checkedAt,
        lastError: null,
        verifiedAt: checkedAt,
      });
      this.hostVendors.forget(row.host);
      return this.recorded(verified);
    } catch (e) {
      // Another vendor's check verified it between the question above and this write.
      if ((e as { code?: string }).code === '23505') throw taken();
      throw e;
    }
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const removed = await this.hostNames.remove(this.scopeOf(actor), id);
    if (!removed) throw new NotFoundError('Host name');
    this.hostVendors.forget(removed.host);
  }

  /** Host names are the vendor's own: a partner's user never reaches them (the API's roles say so too). */
  private scopeOf(actor: Actor): VendorScope {
    if (isPartnerRole(actor.role)) throw new ForbiddenError("Host names are the vendor's");
    return new VendorScope(actor.vendorId);
  }

  /** The row a check wrote; removed meanwhile, it is not found. */
  private recorded(row: VendorHostNameRow | null): VendorHostNameRow {
    if (!row) throw new NotFoundError('Host name');
    return row;
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { InvalidError } from '@tcma/errors';
import type { Actor } from '@tcma/tenancy';
import { SendingConfigsService } from '../sending-configs.service';
import { DnsCheck, judgeDnsRecord } from './sending-dns-records';
import { TxtResolver } from './txt-resolver';

export interface DnsCheckReport {
  checkedAt: Date;
  records: DnsCheck[];
}

/** Looks up the records the vendor's sending settings ask for and says, per record, what is missing or wrong. */
@Injectable()
export class SendingDnsCheckService {
  constructor(
    private readonly configs: SendingConfigsService,
    private readonly resolver: TxtResolver,
    private readonly clock: Clock,
  ) {}

  async checkVendor(actor: Actor): Promise<DnsCheckReport> {
    const { dnsRecords } = await this.configs.get(actor, null);
    if (dnsRecords.length === 0)
      throw new InvalidError('There is nothing to check yet', [
        { path: 'sendingDomain', message: 'set a sending domain first (PUT /sending)' },
      ]);
    // The names are looked up at once: a slow answer costs the check one timeout, not three.
    const records = await Promise.all(
      dnsRecords.map(async (record) => judgeDnsRecord(record, await this.resolver.lookup(record.name))),
    );
    return { checkedAt: this.clock.now(), records };
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { Resolver } from 'node:dns/promises';
import type { TxtLookup } from './sending-dns-records';

/** Answers that mean "nothing published here", as opposed to "no answer came". */
const NOT_PUBLISHED = new Set(['ENOTFOUND', 'ENODATA']);

/** Each query is sent this many times in all before it counts as unresolved. */
const DNS_TRIES = 2;

/**
 * TXT lookups for the sending-settings DNS check, through node's resolver: the servers
 * DNS_SERVERS names (tests point it at an in-process DNS server), else the system's. A
 * Nest provider, so that a test may also put another in its place.
 */
@Injectable()
export class TxtResolver {
  private readonly resolver: Resolver;

  constructor(config: AppConfig) {
    this.resolver = new Resolver({ timeout: config.dnsTimeoutMs, tries: DNS_TRIES });
    if (config.dnsServers) this.resolver.setServers(config.dnsServers);
  }

  /** The TXT values at `name` (each record's strings joined, as RFC 6376 §3.6.2.2 and RFC 7208 §3.3 read them). */
  async lookup(name: string): Promise<TxtLookup> {
    try {
      return { values: (await this.resolver.resolveTxt(name)).map((chunks) => chunks.join('')) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      return NOT_PUBLISHED.has(code) ? { values: [] } : { error: code };
    }
  }
}

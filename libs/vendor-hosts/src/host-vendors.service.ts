import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { BoundedTtlCache } from './bounded-ttl-cache';
import { hostNameOf, requestHostName } from './host-name';
import { HostVendor, VendorHostNamesRepository } from './vendor-host-names.repository';

/** Hosts remembered per process (a request's Host header is anyone's to choose: the cache must not grow with it). */
export const HOST_CACHE_SIZE = 1_000;
/**
 * How long a process trusts what it found for a host, a vendor or nobody: a host verified or
 * removed through another API process is seen here at most this late (the process that made the
 * change forgets the host at once).
 */
export const HOST_CACHE_TTL_MS = 60_000;

/**
 * Which vendor a request's host belongs to: the vendor that verified it, or null for the
 * generic host (PUBLIC_BASE_URL's, an IP address, any host nobody verified), which serves every
 * vendor. Asked on every sign-in and every cookie-authenticated request, hence the cache.
 */
@Injectable()
export class HostVendors {
  private readonly engineHost: string;
  private readonly cache = new BoundedTtlCache<string, HostVendor | null>(HOST_CACHE_SIZE, HOST_CACHE_TTL_MS);

  constructor(
    private readonly hostNames: VendorHostNamesRepository,
    config: AppConfig,
  ) {
    this.engineHost = new URL(config.publicBaseUrl).hostname.toLowerCase();
  }

  /** The vendor of `rawHost` (a request's host name, port removed), or null on the generic host. */
  async vendorOfHost(rawHost: string | undefined): Promise<HostVendor | null> {
    const host = requestHostName(rawHost);
    // What could never be claimed is generic without a query (and never fills the cache).
    if (!host || 'problem' in hostNameOf(host, this.engineHost)) return null;
    const cached = this.cache.get(host);
    if (cached) return cached.value;
    const vendor = await this.hostNames.vendorOfVerifiedHostForSystem(host);
    this.cache.set(host, vendor);
    return vendor;
  }

  /** Drops what this process remembers of `host`, after it was verified or removed here. */
  forget(host: string): void {
    this.cache.delete(host);
  }
}

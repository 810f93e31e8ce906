import * as fs from 'node:fs';
import { writeZone } from '../support/dns-server';

/**
 * Publishes TXT records at the DNS server global-setup.ts started for the engine, beside what
 * other specs published (its zone file, TCMA_BROWSER_DNS_ZONE). The sending settings' spec
 * rewrites the zone: publish again at each try of a check.
 */
export function publishTxt(records: Record<string, string[]>): void {
  const file = process.env.TCMA_BROWSER_DNS_ZONE ?? '';
  let zone: Record<string, string[]> = {};
  try {
    zone = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string[]>;
  } catch {
    // No zone yet.
  }
  writeZone(file, { ...zone, ...records });
}

/** Fails a spec run without the DNS server (outside npm run test:browser). */
export function requireDnsZone(): void {
  if (!process.env.TCMA_BROWSER_DNS_ZONE)
    throw new Error('TCMA_BROWSER_DNS_ZONE is unset: run the browser tests with npm run test:browser');
}

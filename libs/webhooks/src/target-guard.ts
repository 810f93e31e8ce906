import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export class RefusedTargetError extends Error {}

const V4_PRIVATE: Array<[number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local (cloud metadata at 169.254.169.254)
  [0xac100000, 12], // 172.16/12
  [0xc0000000, 24], // 192.0.0/24
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 3], // multicast and reserved, 224/3
];

function v4Number(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** Whether an address is private, loopback, link-local or otherwise not a public internet host. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const n = v4Number(address);
    return V4_PRIVATE.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  const a = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return isPrivateAddress(mapped[1]);
  return (
    a === '::' ||
    a === '::1' ||
    /^f[cd]/.test(a) ||
    /^fe[89ab]/.test(a) ||
    /^ff/.test(a) ||
    a.startsWith('64:ff9b:') ||
    a.startsWith('2001:db8:')
  );
}

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a webhook's host at delivery time and refuses it when any of its addresses is not
 * public, unless the host or address is allowed by configuration (WEBHOOK_ALLOWED_PRIVATE_TARGETS).
 * The delivery then connects to the address checked here, so a DNS answer that changes in
 * between (rebinding) cannot send it elsewhere.
 */
export async function resolvePublicTarget(url: URL, allowed: ReadonlySet<string>): Promise<ResolvedTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true, verbatim: true });
  if (!addresses.length) throw new RefusedTargetError(`${host} does not resolve`);
  for (const a of addresses) {
    if (isPrivateAddress(a.address) && !allowed.has(host) && !allowed.has(a.address)) {
      throw new RefusedTargetError(
        `${host} resolves to ${a.address}, a private, loopback or link-local address; webhooks only go to public hosts`,
      );
    }
  }
  const first = addresses[0];
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

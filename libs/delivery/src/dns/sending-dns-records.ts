import { isIP } from 'node:net';

/** The three TXT records a sending domain publishes so receivers trust its mail. */
export type DnsRecordKind = 'dkim' | 'spf' | 'dmarc';

export interface DnsRecord {
  kind: DnsRecordKind;
  type: 'TXT';
  /** The full name, e.g. `tcma202611._domainkey.acme.example`. */
  name: string;
  value: string;
  /** What the record does and what to watch out for when publishing it. */
  explanation: string;
}

export interface DnsRecordInputs {
  /** The domain of From (the vendor's sending domain), which SPF and DMARC protect; null when none is set. */
  domain: string | null;
  /** The key that signs, with its base64 SPKI public key; null when there is none. */
  dkim: { domain: string; selector: string; publicKey: string } | null;
  /** The host of the SMTP server mail leaves through, if any (the SPF suggestion names it). */
  smtpHost: string | null;
  /** SPF_INCLUDE: the operator's own SPF include, which wins over a guess from the host. */
  spfInclude: string | undefined;
}

/**
 * The SPF mechanism that authorises the SMTP server: the operator's SPF_INCLUDE, an ip4:/ip6:
 * for an address, else `include:` of the host's parent domain (smtp.provider.example →
 * provider.example), which is how most providers name their SPF record, but a guess.
 */
export function spfMechanism(
  smtpHost: string | null,
  spfInclude: string | undefined,
): { mechanism: string | null; why: string } {
  if (spfInclude)
    return {
      mechanism: `include:${spfInclude}`,
      why: `The engine's operator names ${spfInclude} as the SPF record of the mail servers it sends through.`,
    };
  if (!smtpHost)
    return {
      mechanism: null,
      why: 'No SMTP server is set yet (messages stay in the engine’s outbox): set one and this suggestion names it.',
    };
  const host = smtpHost.replace(/^\[|\]$/g, '').toLowerCase();
  const ipVersion = isIP(host);
  if (ipVersion) return { mechanism: `ip${ipVersion}:${host}`, why: `Authorises your SMTP server's address ${host}.` };
  const labels = host.split('.');
  const parent = labels.length > 2 ? labels.slice(1).join('.') : host;
  return {
    mechanism: `include:${parent}`,
    why: `Guessed from your SMTP server ${host}: check your mail provider's documentation for the exact include (some use a name such as _spf.${parent}).`,
  };
}

/** The records to publish, for what is known: DKIM once there is a key, SPF and DMARC once there is a domain. */
export function dnsRecordsToPublish(inputs: DnsRecordInputs): DnsRecord[] {
  const records: DnsRecord[] = [];
  if (inputs.dkim) {
    records.push({
      kind: 'dkim',
      type: 'TXT',
      name: `${inputs.dkim.selector}._domainkey.${inputs.dkim.domain}`,
      value: `v=DKIM1; k=rsa; p=${inputs.dkim.publicKey}`,
      explanation:
        'The public half of the key the engine signs your mail with. The value is longer than 255 characters: most DNS providers split it for you; in a zone file, write it as several quoted strings one after another.',
    });
  }
  if (inputs.domain) {
    const spf = spfMechanism(inputs.smtpHost, inputs.spfInclude);
    records.push({
      kind: 'spf',
      type: 'TXT',
      name: inputs.domain,
      value: `v=spf1${spf.mechanism ? ` ${spf.mechanism}` : ''} ~all`,
      explanation: `${spf.why} A domain has one SPF record: if it already has one, add the mechanism to it rather than publishing a second. ~all marks other senders as suspicious without refusing them.`,
    });
    records.push({
      kind: 'dmarc',
      type: 'TXT',
      name: `_dmarc.${inputs.domain}`,
      value: `v=DMARC1; p=none; rua=mailto:dmarc@${inputs.domain}`,
      explanation:
        'p=none only asks receivers for reports (sent to the rua address): nothing is refused. Once the reports show your mail passes DKIM or SPF, tighten it to p=quarantine, then p=reject.',
    });
  }
  return records;
}

/** ok: as expected; missing: nothing there; wrong: something else there; unresolved: the DNS did not answer. */
export type DnsCheckState = 'ok' | 'missing' | 'wrong' | 'unresolved';

export interface DnsCheck {
  kind: DnsRecordKind;
  name: string;
  expected: string;
  state: DnsCheckState;
  /** The TXT values found at the name that matter to this record (each record's strings joined). */
  found: string[];
  message: string;
}

/** What a TXT lookup gave: the records' values (strings joined), none, or an error code. */
export type TxtLookup = { values: string[] } | { error: string };

/** `k=v; k2=v2` → tags, names lower-cased, values trimmed (DKIM and DMARC both use this syntax). */
export function tagsOf(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) tags.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return tags;
}

/** Judges what the DNS answered for one record against what the engine expects there. */
export function judgeDnsRecord(record: DnsRecord, lookup: TxtLookup): DnsCheck {
  const base = { kind: record.kind, name: record.name, expected: record.value };
  if ('error' in lookup) {
    return {
      ...base,
      state: 'unresolved',
      found: [],
      message: `Could not resolve ${record.name} (${lookup.error}): the DNS server did not give an answer. Try again in a moment.`,
    };
  }
  if (record.kind === 'dkim') return { ...base, ...judgeDkim(record.value, lookup.values) };
  if (record.kind === 'spf') return { ...base, ...judgeSpf(record.value, lookup.values) };
  return { ...base, ...judgeDmarc(lookup.values) };
}

type Verdict = Pick<DnsCheck, 'state' | 'found' | 'message'>;

function judgeDkim(expected: string, values: string[]): Verdict {
  const key = (value: string) => (tagsOf(value).get('p') ?? '').replace(/\s+/g, '');
  const wanted = key(expected);
  const keys = values.filter((v) => /^\s*v\s*=\s*DKIM1\b/i.test(v) || tagsOf(v).has('p'));
  if (keys.length === 0 && values.length === 0)
    return {
      state: 'missing',
      found: [],
      message: 'No DKIM record is published at this name yet: receivers cannot check the signature, so DKIM fails.',
    };
  if (keys.length === 0)
    return { state: 'wrong', found: values, message: 'The TXT record at this name is not a DKIM key (no p= tag).' };
  if (keys.length > 1)
    return {
      state: 'wrong',
      found: keys,
      message: `${keys.length} DKIM records are published at this name; receivers may use any of them. Keep only the one expected.`,
    };
  const published = key(keys[0]);
  if (published === '')
    return {
      state: 'wrong',
      found: keys,
      message: 'The published key is empty (p=), which revokes it: publish the expected key.',
    };
  if (published !== wanted)
    return {
      state: 'wrong',
      found: keys,
      message:
        "The published p= key differs from the engine's key (an old key, or one cut short): replace it with the expected value.",
    };
  const k = tagsOf(keys[0]).get('k');
  if (k && k.toLowerCase() !== 'rsa')
    return { state: 'wrong', found: keys, message: `The record says k=${k}, but the key is RSA: use k=rsa.` };
  return { state: 'ok', found: keys, message: "The published key is the engine's: signatures verify." };
}

function judgeSpf(expected: string, values: string[]): Verdict {
  const spf = values.filter((v) => /^v=spf1(\s|$)/i.test(v.trim()));
  if (spf.length === 0)
    return { state: 'missing', found: [], message: 'No SPF record (v=spf1) is published for this domain.' };
  if (spf.length > 1)
    return {
      state: 'wrong',
      found: spf,
      message: `${spf.length} SPF records are published; receivers treat that as an error (RFC 7208 §4.5). Merge them into one.`,
    };
  const mechanism = expected.split(/\s+/).find((term) => /^(include|ip4|ip6):/i.test(term));
  const terms = spf[0].trim().toLowerCase().split(/\s+/);
  if (mechanism && !terms.some((t) => t.replace(/^[+]/, '') === mechanism.toLowerCase())) {
    return {
      state: 'wrong',
      found: spf,
      message: `The SPF record does not name ${mechanism}, so your SMTP server is not authorised by it (unless another include of the record covers it).`,
    };
  }
  return {
    state: 'ok',
    found: spf,
    message: mechanism ? `The SPF record names ${mechanism}.` : 'An SPF record is published.',
  };
}

function judgeDmarc(values: string[]): Verdict {
  const dmarc = values.filter((v) => /^\s*v\s*=\s*DMARC1\b/i.test(v));
  if (dmarc.length === 0)
    return {
      state: 'missing',
      found: [],
      message:
        'No DMARC record (v=DMARC1) is published: receivers such as Gmail and Yahoo expect one from bulk senders.',
    };
  if (dmarc.length > 1)
    return {
      state: 'wrong',
      found: dmarc,
      message: `${dmarc.length} DMARC records are published; receivers then ignore them all. Keep one.`,
    };
  const policy = tagsOf(dmarc[0]).get('p')?.toLowerCase();
  if (!policy || !['none', 'quarantine', 'reject'].includes(policy))
    return {
      state: 'wrong',
      found: dmarc,
      message: 'The DMARC record has no valid policy: p= must be none, quarantine or reject.',
    };
  const advice =
    policy === 'none'
      ? ' It only monitors (p=none): tighten it to quarantine, then reject, once the reports show your mail passes.'
      : '';
  return { state: 'ok', found: dmarc, message: `A DMARC record is published with p=${policy}.${advice}` };
}

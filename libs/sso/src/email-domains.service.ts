import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { TxtResolver } from '@tcma/delivery';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { EmailDomainRow } from '@tcma/persistence';
import { Actor, scopeOf } from '@tcma/tenancy';
import { challengeProblem, challengeRecord, hostNameOf } from '@tcma/vendor-hosts';
import { randomBytes } from 'node:crypto';
import { EmailDomainsRepository } from './email-domains.repository';

/** Email domains one owner (the vendor, or one partner) may hold, pending or verified. */
export const MAX_EMAIL_DOMAINS_PER_OWNER = 10;

const taken = () =>
  new ConflictError('The email domain is taken', [
    { path: 'domain', message: 'is verified by another company of this vendor: their sign-in uses it' },
  ]);

/**
 * The email domains that select a vendor's or a partner's own sign-in connections: claimed by
 * an admin, proven by a DNS TXT record looked up through the engine's one TXT resolver (the
 * same record as a vendor's host name, `tcma-verify=<token>` at `_tcma-challenge.<domain>`),
 * never by typing the name alone. Verified, a domain stays so until removed.
 */
@Injectable()
export class EmailDomainsService {
  constructor(
    private readonly domains: EmailDomainsRepository,
    private readonly resolver: TxtResolver,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor): Promise<EmailDomainRow[]> {
    return this.domains.list(scopeOf(actor));
  }

  async claim(actor: Actor, raw: string): Promise<EmailDomainRow> {
    const scope = scopeOf(actor);
    const parsed = emailDomainOf(raw);
    if ('problem' in parsed)
      throw new InvalidError('The domain cannot be used', [{ path: 'domain', message: parsed.problem }]);
    if (await this.domains.verifiedByAnotherOwner(scope, parsed.domain)) throw taken();
    const outcome = await this.domains.claim(
      scope,
      parsed.domain,
      randomBytes(24).toString('base64url'),
      MAX_EMAIL_DOMAINS_PER_OWNER,
    );
    if ('claimed' in outcome) return outcome.claimed;
    if (outcome.refused === 'claimed')
      throw new ConflictError('The domain is claimed already', [
        { path: 'domain', message: 'you have claimed it already: check or remove it in the list' },
      ]);
    throw new InvalidError('Too many email domains', [
      { path: 'domain', message: `at most ${MAX_EMAIL_DOMAINS_PER_OWNER} email domains: remove one first` },
    ]);
  }

  /** Looks the TXT record up now: found, the domain is verified (409 when another owner verified it first). */
  async check(actor: Actor, id: string): Promise<EmailDomainRow> {
    const scope = scopeOf(actor);
    const row = await this.domains.find(scope, id);
    if (!row) throw new NotFoundError('Email domain');
    const record = challengeRecord(row.domain, row.verificationToken);
    const problem = challengeProblem(await this.resolver.lookup(record.name), record.name, record.value);
    const checkedAt = this.clock.now();
    if (problem || row.status === 'verified')
      return recorded(await this.domains.recordCheck(scope, id, { checkedAt, lastError: problem }));
    if (await this.domains.verifiedByAnotherOwner(scope, row.domain)) throw taken();
    try {
      return recorded(await this.domains.recordCheck(scope, id, { checkedAt, lastError: null, verifiedAt: checkedAt }));
    } catch (e) {
      // Another owner's check verified it between the question above and this write.
      if ((e as { code?: string }).code === '23505') throw taken();
      throw e;
    }
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if (!(await this.domains.remove(scopeOf(actor), id))) throw new NotFoundError('Email domain');
  }
}

/** The row a check wrote; removed meanwhile, it is not found. */
const recorded = (row: EmailDomainRow | null): EmailDomainRow => {
  if (!row) throw new NotFoundError('Email domain');
  return row;
};

/** An email domain as given (`acme.example`, `@acme.example`, an IDN), normalised as a host name, or why not. */
export function emailDomainOf(raw: string): { domain: string } | { problem: string } {
  const parsed = hostNameOf(raw.trim().replace(/^@/, ''), '');
  if ('problem' in parsed) return { problem: 'must be an email domain such as acme.example (the part after the @)' };
  return { domain: parsed.host };
}

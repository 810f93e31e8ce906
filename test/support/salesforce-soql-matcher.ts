import type { Reply, SalesforceStub } from './salesforce-stub';

/** A SOQL string literal, its escapes kept for unescape(). */
const LIT = String.raw`'((?:[^'\\]|\\.)*)'`;
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

type SoqlData = Pick<SalesforceStub, 'leads' | 'tasks' | 'opportunities' | 'defaultCurrency'>;

/**
 * Exactly the adapter's queries; any other is refused as Salesforce refuses what it cannot parse.
 * `all`: queryAll, which reads deleted records too (Leads merged into others); query does not.
 */
export function soqlAnswer(stub: SoqlData, org: string, soql: string, all: boolean): Reply {
  const records = (rows: object[]) => ({ status: 200, body: { totalSize: rows.length, done: true, records: rows } });
  const leads = stub.leads.filter((l) => l.orgId === org && (all || !l.IsDeleted));
  let m = new RegExp(`^SELECT Id FROM Lead WHERE Email = ${LIT} ORDER BY CreatedDate LIMIT 1$`).exec(soql);
  if (m) {
    const email = unescape(m[1]).toLowerCase();
    return records(
      leads
        .filter((l) => l.fields.Email?.toLowerCase() === email)
        .slice(0, 1)
        .map((l) => ({ Id: l.Id })),
    );
  }
  m = new RegExp(`^SELECT Id FROM Task WHERE WhoId = ${LIT} AND Subject LIKE '%((?:[^'\\\\]|\\\\.)*)%' LIMIT 1$`).exec(
    soql,
  );
  if (m) {
    const [who, marker] = [unescape(m[1]), unescape(m[2])];
    const found = stub.tasks.filter((t) => t.orgId === org && t.WhoId === who && t.Subject.includes(marker));
    return records(found.slice(0, 1).map((t) => ({ Id: t.Id })));
  }
  const T = String.raw`(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)`;
  m = new RegExp(
    `^SELECT Id, Amount, CloseDate, LastModifiedDate FROM Opportunity WHERE IsWon = true AND ` +
      `(?:LastModifiedDate > ${T}|\\(LastModifiedDate > ${T} OR \\(LastModifiedDate = ${T} AND Id > ${LIT}\\)\\)) ` +
      `ORDER BY LastModifiedDate ASC, Id ASC LIMIT (\\d+)$`,
  ).exec(soql);
  if (m) {
    // Either "after a time", or "after a time, or at that time after an id" (the two times are the same).
    const after = Date.parse(m[1] ?? m[2]);
    const afterId = m[4] === undefined ? null : unescape(m[4]);
    const modified = (o: { LastModifiedDate: string }) => Date.parse(o.LastModifiedDate.replace('+0000', 'Z'));
    const rows = [...stub.opportunities.values()]
      .filter((o) => o.orgId === org && o.IsWon)
      .filter((o) => modified(o) > after || (afterId !== null && modified(o) === after && o.Id > afterId))
      .sort((a, b) => a.LastModifiedDate.localeCompare(b.LastModifiedDate) || (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0))
      .slice(0, Number(m[5]));
    return records(
      rows.map(({ Id, Amount, CloseDate, LastModifiedDate }) => ({ Id, Amount, CloseDate, LastModifiedDate })),
    );
  }
  m = new RegExp(
    `^SELECT Id, ConvertedOpportunityId FROM Lead WHERE ConvertedOpportunityId IN \\((${LIT}(?:, ${LIT})*)\\)$`,
  ).exec(soql);
  if (m) {
    const ids = [...m[1].matchAll(new RegExp(LIT, 'g'))].map((x) => unescape(x[1]));
    return records(
      leads
        .filter((l) => l.ConvertedOpportunityId && ids.includes(l.ConvertedOpportunityId))
        .map((l) => ({ Id: l.Id, ConvertedOpportunityId: l.ConvertedOpportunityId })),
    );
  }
  m = new RegExp(
    `^SELECT Id, MasterRecordId FROM Lead WHERE IsDeleted = true AND MasterRecordId IN \\((${LIT}(?:, ${LIT})*)\\)$`,
  ).exec(soql);
  if (m) {
    const ids = [...m[1].matchAll(new RegExp(LIT, 'g'))].map((x) => unescape(x[1]));
    return records(
      leads
        .filter((l) => l.IsDeleted && l.MasterRecordId && ids.includes(l.MasterRecordId))
        .map((l) => ({ Id: l.Id, MasterRecordId: l.MasterRecordId })),
    );
  }
  if (soql === 'SELECT DefaultCurrencyIsoCode FROM Organization')
    return records([{ DefaultCurrencyIsoCode: stub.defaultCurrency }]);
  return { status: 400, body: [{ errorCode: 'MALFORMED_QUERY', message: `unexpected query: ${soql}` }] };
}

import { simpleParser } from 'mailparser';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { TenantFactory, TestPartner } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';

/**
 * A partner's invitation shows the partner its own name in the vendor's campaign before it has
 * done anything (issue 25): the first email of the campaign its catalogue puts first, rendered
 * with what the engine knows of the partner, and samples for the required details it has not
 * given yet, named as such.
 */
describe('the invitation’s first co-branded preview', () => {
  let api: ApiHarness;
  let demo: SeededDemo;
  let bare: TestPartner;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const invite = async (body: Record<string, unknown>) => {
    await api.http().post('/user-invitations').set(as(demo.tokens.admin)).send(body).expect(201);
    const [row] = await testDb().query<Array<{ raw: Buffer }>>(
      'SELECT raw FROM outbox_messages WHERE $1 = ANY(recipients) ORDER BY id DESC LIMIT 1',
      [body.email],
    );
    return simpleParser(row.raw);
  };
  /** The framed preview of the HTML part: what follows the button, up to the paragraphs after it. */
  const framed = (html: string) =>
    /<div style="margin:16px 0;border:1px solid #d1d5db[^"]*">([\s\S]*)<\/div>/.exec(html)?.[1];

  beforeAll(async () => {
    api = await startApi();
    demo = await new DemoSeeder(api.app).seed();
    bare = await new TenantFactory(api).partner(
      { vendorId: demo.vendorId, adminToken: demo.tokens.admin, marketerToken: demo.tokens.marketer },
      { companyName: 'Brand New Partner' },
    );
  }, 120_000);

  afterAll(() => api?.close());

  it('shows a new partner the promoted campaign with its company name, and says which details are samples', async () => {
    const mail = await invite({ email: 'first@brand-new.example', role: 'partner_admin', partnerId: bare.partnerId });
    const html = String(mail.html);
    const preview = framed(html);
    expect(preview).toBeDefined();
    expect(preview).toContain('Brand New Partner');
    const label =
      'A first look at Acme Cloud Backup — Protect your business, with your company\u2019s name (sample Contact email, Website, Postal address until you add yours).';
    expect(mail.text).toContain(label.replace('\u2019', "'"));
    // The invitation's own button comes before the preview, and stays the only action of the email's text.
    expect(html.indexOf('/invitations/')).toBeLessThan(html.indexOf(preview ?? '\u0000'));
  });

  it('shows a partner with a whole brand kit its own details, and no samples', async () => {
    const [northwind] = demo.partners;
    const mail = await invite({
      email: 'second@northwind-it.example',
      role: 'partner_user',
      partnerId: northwind.partnerId,
    });
    const preview = framed(String(mail.html));
    expect(preview).toContain('Northwind IT Services');
    expect(preview).toContain('ul. Piotrkowska 104');
    expect(mail.text).toMatch(/A first look at [^\n]+, with your company's name\.\n/);
  });

  it('writes the label in the invitee’s language, and shows a vendor user no preview', async () => {
    const german = await invite({
      email: 'dritte@brand-new.example',
      role: 'partner_user',
      partnerId: bare.partnerId,
      locale: 'de',
    });
    expect(german.text).toMatch(/Ein erster Blick auf [^\n]+, mit dem Namen Ihres Unternehmens \(Beispielwerte für /);
    const vendorUser = await invite({ email: 'marketer2@acme.example', role: 'vendor_marketer' });
    expect(framed(String(vendorUser.html))).toBeUndefined();
    expect(vendorUser.text).not.toMatch(/first look/);
  });
});

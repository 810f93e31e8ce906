import { DemoSeeder, DemoUser, SeededDemo } from '../demo/demo-seeder';
import { parseArgs } from './args';
import { withContext } from './with-context';

const ROLE_NAMES: Record<DemoUser['role'], string> = {
  vendor_admin: 'vendor admin',
  vendor_marketer: 'vendor marketer',
  partner_admin: 'partner admin',
};

/**
 * What seed-demo prints: what it made, `export` lines a shell takes as they are, then each demo
 * user's email and the one-time link that sets its password, so a newcomer can sign in.
 */
export function demoSummary(seeded: SeededDemo): string {
  const [first, second] = seeded.partners;
  const exports = [
    ['TOKEN', seeded.tokens.admin, 'vendor admin'],
    ['MARKETER_TOKEN', seeded.tokens.marketer, 'vendor marketer'],
    ['CAMPAIGN_ID', seeded.campaignId, `the demo campaign, published as version ${seeded.version}`],
    ['PARTNER_ID', first.partnerId, first.companyName],
    ['PARTNER_TOKEN', first.token, `a user of ${first.companyName}`],
    ...(second
      ? [
          ['PARTNER2_ID', second.partnerId, second.companyName],
          ['PARTNER2_TOKEN', second.token, `a user of ${second.companyName}`],
        ]
      : []),
  ];
  const width = Math.max(...exports.map(([name, value]) => name.length + value.length));
  const partnerNames = new Map(seeded.partners.map((p) => [p.partnerId, p.companyName]));
  const who = (u: DemoUser) =>
    u.partnerId ? `${ROLE_NAMES[u.role]} of ${partnerNames.get(u.partnerId)}` : ROLE_NAMES[u.role];
  return [
    `Demo loaded: the vendor Acme Cloud Backup (${seeded.vendorId}) with an admin and a marketer, its campaign published,`,
    `and ${seeded.partners.length} partners with a user each. This is instead of bootstrap-admin: the demo makes its own vendor and admin.`,
    "Tokens are shown once. Paste these lines into your shell; the README's first steps use them:",
    '',
    ...exports.map(
      ([name, value, what]) => `export ${name}=${value}${' '.repeat(width - name.length - value.length + 2)}# ${what}`,
    ),
    '',
    `To sign in to the web app, open a user's link and choose a password (each link works once, for ${seeded.setPasswordHours} hours),`,
    `then sign in at ${seeded.signInUrl} with that email and password:`,
    ...seeded.users.flatMap((u) => ['', `  ${u.email} (${who(u)})`, `  ${u.setPasswordUrl}`]),
  ].join('\n');
}

/** Loads the Acme Cloud Backup demo: vendor, published campaign, two partners; prints ids, tokens and set-password links. */
export async function seedDemo(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { json: 'boolean' });
  const seeded = await withContext((app) => new DemoSeeder(app).seed());
  console.log(args.json ? JSON.stringify(seeded) : demoSummary(seeded));
}

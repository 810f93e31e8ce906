import { DemoSeeder, SeededDemo } from '../demo/demo-seeder';
import { parseArgs } from './args';
import { withContext } from './with-context';

/** What seed-demo prints: what it made, then `export` lines a shell takes as they are. */
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
  return [
    `Demo loaded: the vendor Acme Cloud Backup (${seeded.vendorId}) with an admin and a marketer, its campaign published,`,
    `and ${seeded.partners.length} partners with a user each. This is instead of bootstrap-admin: the demo makes its own vendor and admin.`,
    "Tokens are shown once. Paste these lines into your shell; the README's first steps use them:",
    '',
    ...exports.map(
      ([name, value, what]) => `export ${name}=${value}${' '.repeat(width - name.length - value.length + 2)}# ${what}`,
    ),
  ].join('\n');
}

/** Loads the Acme Cloud Backup demo: vendor, published campaign, two partners; prints ids and tokens. */
export async function seedDemo(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { json: 'boolean' });
  const seeded = await withContext((app) => new DemoSeeder(app).seed());
  console.log(args.json ? JSON.stringify(seeded) : demoSummary(seeded));
}

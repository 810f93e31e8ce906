import { DemoSeeder } from '../demo/demo-seeder';
import { parseArgs } from './args';
import { withContext } from './with-context';

/** Loads the Acme Cloud Backup demo: vendor, published campaign, two partners; prints tokens. */
export async function seedDemo(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { json: 'boolean' });
  const seeded = await withContext((app) => new DemoSeeder(app).seed());
  if (args.json) {
    console.log(JSON.stringify(seeded));
    return;
  }
  console.log(`Demo vendor ${seeded.vendorId}: campaign ${seeded.campaignId} published as version ${seeded.version}.
Tokens (shown once; send as "Authorization: Bearer <token>"):
  vendor admin     ${seeded.tokens.admin}
  vendor marketer  ${seeded.tokens.marketer}
${seeded.partners.map((p) => `  partner user     ${p.token}   (${p.companyName}, partner ${p.partnerId})`).join('\n')}`);
}

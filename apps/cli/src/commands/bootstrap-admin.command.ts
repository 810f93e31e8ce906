import { PasswordLinks } from '@tcma/accounts';
import { AppConfig } from '@tcma/config';
import { BootstrapService } from '@tcma/tenancy';
import { parseArgs } from './args';
import { withContext } from './with-context';

const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .slice(0, 60);

/** Creates a vendor and its first admin, and prints the admin's API token (shown once) and a link to set the admin's password. */
export async function bootstrapAdmin(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { vendor: 'string', slug: 'string', email: 'string', name: 'string', json: 'boolean' });
  if (typeof args.vendor !== 'string' || typeof args.email !== 'string') {
    throw new Error(
      'usage: bootstrap-admin --vendor "Acme Cloud" --email admin@acme.example [--name "Ada Admin"] [--slug acme] [--json]',
    );
  }
  const result = await withContext(async (app) => {
    const created = await app.get(BootstrapService).createVendorWithAdmin({
      vendorName: args.vendor as string,
      vendorSlug: typeof args.slug === 'string' ? args.slug : slugify(args.vendor as string),
      adminEmail: args.email as string,
      adminName: typeof args.name === 'string' ? args.name : (args.email as string).split('@')[0],
    });
    return {
      ...created,
      setPasswordUrl: await app.get(PasswordLinks).setPasswordLink(created.userId),
      setPasswordHours: app.get(AppConfig).invitationTtlHours,
    };
  });
  if (args.json) console.log(JSON.stringify(result));
  else {
    console.log(
      `Vendor ${result.vendorId} created with its admin. The admin's token is shown once; paste this line into your shell\n(the README's first steps send it as "Authorization: Bearer $TOKEN"):\n\nexport TOKEN=${result.token}`,
    );
    console.log(
      `\nTo sign in from a browser, set the admin's password here (the link works once, for ${result.setPasswordHours} hours):\n\n${result.setPasswordUrl}`,
    );
  }
}

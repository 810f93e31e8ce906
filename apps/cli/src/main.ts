import 'reflect-metadata';
import { checkServicesOrExit, loadConfigOrExit } from '@tcma/runtime';
import { bootstrapAdmin } from './commands/bootstrap-admin.command';
import { migrate } from './commands/migrate.command';
import { migrationGenerate } from './commands/migration-generate.command';
import { seedDemo } from './commands/seed-demo.command';
import { start } from './commands/start.command';

const COMMANDS: Record<string, { run: (args: string[]) => Promise<void>; help: string }> = {
  start: { run: start, help: 'migrate, then run the API and workers [--workers N]' },
  migrate: { run: migrate, help: 'create the database if needed and apply migrations' },
  'bootstrap-admin': {
    run: bootstrapAdmin,
    help: 'create a vendor and its first admin; prints an export line with the token',
  },
  'seed-demo': {
    run: seedDemo,
    help: 'instead of bootstrap-admin: the Acme Cloud Backup demo vendor, campaign and two partners; prints export lines [--json]',
  },
  'migration:generate': { run: migrationGenerate, help: 'write a migration for entity changes <PascalName>' },
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(
      `usage: tcma <command>\n${Object.entries(COMMANDS)
        .map(([n, c]) => `  ${n.padEnd(20)} ${c.help}`)
        .join('\n')}`,
    );
    process.exit(2);
  }
  // Every command works on the database (and most on the queues): say at once if one does not answer.
  await checkServicesOrExit(loadConfigOrExit());
  await command.run(args);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

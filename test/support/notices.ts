import { simpleParser } from 'mailparser';
import { testDb } from './db';
import { eventually } from './processes';

/** The link of the newest notice in the outbox to this address whose path starts with `page` (/invitations, /reset-password, /reminder-actions). */
export async function linkFromOutbox(
  to: string,
  page: '/invitations' | '/reset-password' | '/reminder-actions',
): Promise<{ url: string; token: string }> {
  return eventually(
    async () => {
      const rows = await testDb().query<Array<{ raw: Buffer }>>(
        'SELECT raw FROM outbox_messages WHERE $1 = ANY(recipients) ORDER BY id DESC LIMIT 5',
        [to],
      );
      for (const row of rows) {
        const text = (await simpleParser(row.raw)).text ?? '';
        const match = new RegExp(`(https?://\\S+${page}/([A-Za-z0-9_.-]+))`).exec(text);
        if (match) return { url: match[1], token: match[2] };
      }
      return undefined;
    },
    `a ${page} link mailed to ${to}`,
    10_000,
  );
}

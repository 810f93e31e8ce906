import { ImportRunnerService, ProspectImportsService } from '@tcma/audience';
import { LaunchesService } from '@tcma/launches';
import { EnrollmentService } from '@tcma/nurture';
import { Readable } from 'node:stream';
import { benchEnvironment } from './bench-context';
import { print, rssMb } from './bench-line';
import { benchProspect, benchTenant } from './bench-tenant';

const ROWS = Number(process.env.BENCH_ENROLL_ROWS ?? 100_000);
const ZONES = ['Europe/Warsaw', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', ''];

/** The CSV a partner would upload, generated in chunks of bytes (as a browser upload arrives). */
function csv(rows: number): Readable {
  return Readable.from(
    (function* () {
      yield Buffer.from('email,first_name,last_name,company,timezone,industry\r\n');
      for (let i = 0; i < rows; i += 1000) {
        let chunk = '';
        for (let n = i; n < Math.min(rows, i + 1000); n++)
          chunk += `p${n}@bench.example,First${n},Last${n},"Company ${n}, Inc.",${ZONES[n % ZONES.length]},Retail\r\n`;
        yield Buffer.from(chunk);
      }
    })(),
  );
}

/**
 * `enroll`: a ROWS-row CSV imported (stored, streamed through the parser, upserted) and every
 * prospect enrolled with its first step scheduled, per second; vs a plain multi-row INSERT of
 * the same rows into a copy of the prospects table (same indexes) in the same run.
 */
export async function enrollBench(): Promise<void> {
  const bench = await benchEnvironment('enroll');
  try {
    const app = bench.app;
    const tenant = await benchTenant(bench, { wait: { type: 'duration', days: 1 } });
    const rssBefore = rssMb();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb())), 50);

    const started = process.hrtime.bigint();
    const upload = await app.get(ProspectImportsService).start(tenant.partnerActor, tenant.partnerId, csv(ROWS));
    const outcome = await app.get(ImportRunnerService).run(upload.id);
    const imported = process.hrtime.bigint();
    const launch = await app
      .get(LaunchesService)
      .create(tenant.partnerActor, { campaignId: tenant.campaignId, audience: { type: 'all' } });
    const enrolled = await app.get(EnrollmentService).enroll(launch.id);
    const finished = process.hrtime.bigint();
    const seconds = Number(finished - started) / 1e9;
    clearInterval(sampler);
    if (outcome?.inserted !== ROWS || enrolled?.enrolled !== ROWS)
      throw new Error(`Imported ${outcome?.inserted}, enrolled ${enrolled?.enrolled} of ${ROWS}`);
    const db = bench.db;
    const [{ scheduled }] = await db.query<Array<{ scheduled: number }>>(
      'SELECT count(*)::int AS scheduled FROM enrollments WHERE launch_id = $1 AND next_due_at IS NOT NULL',
      [launch.id],
    );

    // The raw limit: the same rows, already parsed, inserted 5,000 per statement.
    await db.query('CREATE TABLE bench_prospects (LIKE prospects INCLUDING ALL)');
    const baselineStart = process.hrtime.bigint();
    for (let i = 0; i < ROWS; i += 5000) {
      const rows = Array.from({ length: Math.min(5000, ROWS - i) }, (_, k) => benchProspect(i + k));
      const values = rows
        .map((_, k) => `($1, $2, $${k * 5 + 3}, $${k * 5 + 4}, $${k * 5 + 5}, $${k * 5 + 6}, $${k * 5 + 7})`)
        .join(', ');
      await db.query(
        `INSERT INTO bench_prospects (vendor_id, partner_id, email, email_lower, first_name, last_name, company) VALUES ${values}`,
        [
          tenant.vendorId,
          tenant.partnerId,
          ...rows.flatMap((r) => [r.email, r.emailLower, r.firstName, r.lastName, r.company]),
        ],
      );
    }
    const baseline = ROWS / (Number(process.hrtime.bigint() - baselineStart) / 1e9);

    print({
      bench: 'enroll',
      value: ROWS / seconds,
      unit: 'prospects/s',
      baseline: 'pg_multirow_insert_same_rows',
      baseline_value: baseline,
      rows: ROWS,
      scheduled,
      seconds,
      import_seconds: Number(imported - started) / 1e9,
      enroll_seconds: Number(finished - imported) / 1e9,
      rss_mb_before: rssBefore,
      rss_mb_peak: rssPeak,
      target: '>= 20000/s',
    });
  } finally {
    await bench.close();
  }
}

import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { TenantFactory, TestPartner } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { startWorker, WorkerHarness } from '../support/worker-harness';

describe('importing prospects from CSV', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let partner: TestPartner;
  const env = { MAX_IMPORT_BYTES: '4096' };
  const as = () => ({ Authorization: `Bearer ${partner.token}` });

  beforeAll(async () => {
    api = await startApi({ env });
    worker = await startWorker({ roles: 'enroll', env });
    const tenants = new TenantFactory(api);
    partner = await tenants.partner(await tenants.vendor());
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const importCsv = async (body: string | Buffer) => {
    const started = await api.http().post(`/partners/${partner.partnerId}/imports`).set(as()).set('Content-Type', 'text/csv; charset=utf-8').send(body).expect(202);
    return eventually(async () => {
      const res = await api.http().get(`/partners/${partner.partnerId}/imports/${started.body.id}`).set(as()).expect(200);
      return res.body.status === 'completed' || res.body.status === 'failed' ? (res.body as Record<string, unknown>) : undefined;
    }, 'the import');
  };

  it('reads BOM, quoted commas and newlines, merges duplicates by email in any case, and reports every rejected row with its line', async () => {
    const csv = [
      '\uFEFFEmail,First Name,Last_Name,Company,Time Zone,Favourite colour,★',
      'ana@prospect.example,Ana,Nowak,"Nowak, Kowalski & Co",Europe/Warsaw,blue',
      'not-an-email,Bad,Row,Acme,,red',
      '"ANA@Prospect.example",,,"Multi',
      'line company",,green',
      'bob@prospect.example,Bob,Łęcki,Żabka,Mars/Olympus,',
      'cid@prospect.example,Cid,,"=HYPERLINK(""http://evil"")",America/New_York,',
      '',
      ',Nobody,,,,',
    ].join('\r\n');
    const done = await importCsv(csv);
    expect(done).toMatchObject({ status: 'completed', rows: 6, inserted: 2, merged: 1, rejected: 3, ignoredColumns: ['★'] });

    const prospects = (await api.http().get(`/partners/${partner.partnerId}/prospects`).set(as()).expect(200)).body as Array<Record<string, unknown>>;
    const ana = prospects.find((p) => String(p.email).toLowerCase() === 'ana@prospect.example');
    // The later row wins where it has a value, the earlier one fills the gaps.
    expect(ana).toMatchObject({ firstName: 'Ana', lastName: 'Nowak', company: 'Multi\r\nline company', timezone: 'Europe/Warsaw', custom: { favourite_colour: 'green' } });
    expect(prospects.find((p) => p.email === 'cid@prospect.example')).toMatchObject({ company: '=HYPERLINK("http://evil")' });

    const report = await api.http().get(String(done.reportUrl)).set(as()).buffer(true).expect(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    const rows: string[][] = parse(report.text, { relax_column_count: true });
    expect(rows[0]).toEqual(['line', 'reason', 'Email', 'First Name', 'Last_Name', 'Company', 'Time Zone', 'Favourite colour', '★']);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['3', expect.stringMatching(/^email /)],
      ['6', 'timezone "Mars/Olympus" is not an IANA time zone'],
      ['9', 'email is missing'],
    ]);
    // The rejected row as sent, after line and reason.
    expect(rows[2].slice(2, 4)).toEqual(['bob@prospect.example', 'Bob']);
  });

  it('refuses a file over MAX_IMPORT_BYTES with 413 and anything but CSV with 415, storing nothing', async () => {
    const before = (await api.http().get(`/partners/${partner.partnerId}/imports`).set(as()).expect(200)).body.length;
    const big = `email\r\n${Array.from({ length: 300 }, (_, i) => `p${i}@prospect.example`).join('\r\n')}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(4096);
    const tooBig = await api.http().post(`/partners/${partner.partnerId}/imports`).set(as()).set('Content-Type', 'text/csv').send(big).expect(413);
    expect(tooBig.body.message).toContain('4096');
    const wrongType = await api.http().post(`/partners/${partner.partnerId}/imports`).set(as()).set('Content-Type', 'application/json').send({ email: 'x@y.example' }).expect(415);
    expect(wrongType.body.errors).toEqual([{ path: 'Content-Type', message: 'is application/json' }]);
    expect((await api.http().get(`/partners/${partner.partnerId}/imports`).set(as()).expect(200)).body.length).toBe(before);
  });

  it('fails an import without an email column, with a reason', async () => {
    const done = await importCsv('name,company\r\nAna,Acme\r\n');
    expect(done).toMatchObject({ status: 'failed', error: 'The first row must be a header with an email column' });
  });
});

describe('importing a file of many batches', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker({ roles: 'enroll' });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('lets the later row win when the same address appears in batches written at the same time', async () => {
    const tenants = new TenantFactory(api);
    const partner = await tenants.partner(await tenants.vendor());
    const as = { Authorization: `Bearer ${partner.token}` };
    // 35,000 addresses: more than three batches of IMPORT_BATCH_SIZE, written IMPORT_WRITES_IN_FLIGHT at a time.
    const lines = Array.from({ length: 35_000 }, (_, i) => `u${i}@prospect.example,A${i}`);
    // Repeats of an address in the next batch (in flight beside it: the last rows of one batch
    // again as the first rows of the next, in reverse order), two batches on, and three on.
    lines.splice(10_000, 0, 'u9999@prospect.example,Later9999', 'u9998@prospect.example,Later9998');
    lines.splice(10_005, 0, 'U3@Prospect.example,Later3');
    lines.splice(25_000, 0, 'u10001@prospect.example,Later10001');
    lines.splice(34_000, 0, 'u5@prospect.example,Later5');
    const started = await api.http().post(`/partners/${partner.partnerId}/imports`).set(as).set('Content-Type', 'text/csv').send(['email,first_name', ...lines].join('\n')).expect(202);
    const done = await eventually(async () => {
      const res = await api.http().get(`/partners/${partner.partnerId}/imports/${started.body.id}`).set(as).expect(200);
      return res.body.status === 'completed' ? (res.body as Record<string, unknown>) : undefined;
    }, 'the import');

    expect(done).toMatchObject({ rows: 35_005, inserted: 35_000, merged: 5, rejected: 0 });
    const rows: Array<{ email: string; first_name: string }> = await api.app
      .get(DataSource)
      .query("SELECT email, first_name FROM prospects WHERE partner_id = $1 AND email_lower IN ('u3@prospect.example', 'u10001@prospect.example', 'u5@prospect.example', 'u4@prospect.example', 'u9998@prospect.example', 'u9999@prospect.example') ORDER BY email_lower", [partner.partnerId]);
    expect(rows).toEqual([
      { email: 'u10001@prospect.example', first_name: 'Later10001' },
      { email: 'U3@Prospect.example', first_name: 'Later3' },
      { email: 'u4@prospect.example', first_name: 'A4' },
      { email: 'u5@prospect.example', first_name: 'Later5' },
      { email: 'u9998@prospect.example', first_name: 'Later9998' },
      { email: 'u9999@prospect.example', first_name: 'Later9999' },
    ]);
  }, 120_000);

  it('starts no write once one has failed, reports the failure only when none is left running and without the database error, and a second import completes the file', async () => {
    const tenants = new TenantFactory(api);
    const partner = await tenants.partner(await tenants.vendor());
    const as = { Authorization: `Bearer ${partner.token}` };
    const db = api.app.get(DataSource);
    // Three batches: the database takes 2 s over batch 1 (a row named TrapSlow) and refuses
    // batch 2 (a row named TrapFail) at once, beside it; batch 3 (TrapSlow again) must never start.
    await db.query(`CREATE FUNCTION import_trap() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.first_name = 'TrapFail' THEN RAISE EXCEPTION 'import_trap refused %', NEW.email; END IF;
        IF NEW.first_name = 'TrapSlow' THEN PERFORM pg_sleep(2); END IF;
        RETURN NEW;
      END $$`);
    await db.query('CREATE TRIGGER import_trap BEFORE INSERT ON prospects FOR EACH ROW EXECUTE FUNCTION import_trap()');
    const name = (i: number) => (i === 0 || i === 20_000 ? 'TrapSlow' : i === 10_000 ? 'TrapFail' : `T${i}`);
    const csv = ['email,first_name', ...Array.from({ length: 25_000 }, (_, i) => `t${i}@prospect.example,${name(i)}`)].join('\n');
    const importFile = async () => {
      const started = await api.http().post(`/partners/${partner.partnerId}/imports`).set(as).set('Content-Type', 'text/csv').send(csv).expect(202);
      return eventually(async () => {
        const res = await api.http().get(`/partners/${partner.partnerId}/imports/${started.body.id}`).set(as).expect(200);
        return ['completed', 'failed'].includes(res.body.status) ? (res.body as Record<string, unknown>) : undefined;
      }, 'the import');
    };
    const rowsOfBatch = async (batch: number) =>
      Number((await db.query("SELECT count(*) AS n FROM prospects WHERE partner_id = $1 AND substring(email_lower from '^t([0-9]+)@')::int / 10000 = $2", [partner.partnerId, batch]))[0].n);
    try {
      const failed = await importFile();
      const stillWriting = await db.query("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE 'INSERT INTO prospects%'");
      expect(Number(stillWriting[0].n)).toBe(0);
      expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/^The import stopped on an internal error/) });
      expect(String(failed.error)).not.toContain('import_trap');
      expect([await rowsOfBatch(0), await rowsOfBatch(1), await rowsOfBatch(2)]).toEqual([10_000, 0, 0]);
    } finally {
      await db.query('DROP TRIGGER import_trap ON prospects');
      await db.query('DROP FUNCTION import_trap()');
    }
    expect(await importFile()).toMatchObject({ status: 'completed', rows: 25_000, inserted: 15_000, merged: 10_000, rejected: 0 });
  }, 120_000);
});

import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { TenantFactory, TestPartner } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { startWorker, WorkerHarness } from '../support/worker-harness';
import { testDb } from '../support/db';

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
    const started = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as())
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(body)
      .expect(202);
    return eventually(async () => {
      const res = await api
        .http()
        .get(`/partners/${partner.partnerId}/imports/${started.body.id}`)
        .set(as())
        .expect(200);
      return res.body.status === 'completed' || res.body.status === 'failed'
        ? (res.body as Record<string, unknown>)
        : undefined;
    }, 'the import');
  };

  it('reads BOM, quoted commas and newlines, merges duplicates by email in any case, and reports every rejected row with its line', async () => {
    const csv = [
      '\uFEFFEmail,First Name,Last_Name,Company,Time Zone,Favourite colour,★',
      'ana@prospect.example,Ana,Nowak,"Nowak, Kowalski & Co",Europe/Warsaw,blue,',
      'not-an-email,Bad,Row,Acme,,red,',
      '"ANA@Prospect.example",,,"Multi',
      'line company",,green,',
      'bob@prospect.example,Bob,Łęcki,Żabka,Mars/Olympus,,',
      'cid@prospect.example,Cid,,"=HYPERLINK(""http://evil"")",America/New_York,,',
      '',
      ',Nobody,,,,,',
    ].join('\r\n');
    const done = await importCsv(csv);
    expect(done).toMatchObject({
      status: 'completed',
      rows: 6,
      inserted: 2,
      merged: 1,
      rejected: 3,
      ignoredColumns: ['★'],
    });

    const prospects = (
      await api.http().get(`/partners/${partner.partnerId}/prospects`).query({ limit: 200 }).set(as()).expect(200)
    ).body.items as Array<Record<string, unknown>>;
    const ana = prospects.find((p) => String(p.email).toLowerCase() === 'ana@prospect.example');
    // The later row wins where it has a value, the earlier one fills the gaps.
    expect(ana).toMatchObject({
      firstName: 'Ana',
      lastName: 'Nowak',
      company: 'Multi\r\nline company',
      timezone: 'Europe/Warsaw',
      custom: { favourite_colour: 'green' },
    });
    expect(prospects.find((p) => p.email === 'cid@prospect.example')).toMatchObject({
      company: '=HYPERLINK("http://evil")',
    });

    const report = await api.http().get(String(done.reportUrl)).set(as()).buffer(true).expect(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    const rows: string[][] = parse(report.text, { relax_column_count: true });
    expect(rows[0]).toEqual([
      'line',
      'reason',
      'Email',
      'First Name',
      'Last_Name',
      'Company',
      'Time Zone',
      'Favourite colour',
      '★',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['3', expect.stringMatching(/^email /)],
      ['6', 'timezone "Mars/Olympus" is not an IANA time zone'],
      ['9', 'email is missing'],
    ]);
    // The rejected row as sent, after line and reason.
    expect(rows[2].slice(2, 4)).toEqual(['bob@prospect.example', 'Bob']);
  });

  it('reads the language each prospect reads, kept as a canonical BCP 47 tag, and reports a language name at its line', async () => {
    const done = await importCsv(
      [
        'email,Language',
        'lang-pt@prospect.example,pt-br',
        'lang-name@prospect.example,Deutsch',
        'lang-none@prospect.example,',
      ].join('\n'),
    );
    expect(done).toMatchObject({ status: 'completed', rows: 3, inserted: 2, rejected: 1 });
    const prospects = (
      await api.http().get(`/partners/${partner.partnerId}/prospects`).query({ search: 'lang-' }).set(as()).expect(200)
    ).body.items as Array<{ email: string; language: string | null }>;
    expect(prospects.map((p) => [p.email, p.language])).toEqual([
      ['lang-pt@prospect.example', 'pt-BR'],
      ['lang-none@prospect.example', null],
    ]);
    const report = await api.http().get(String(done.reportUrl)).set(as()).buffer(true).expect(200);
    const rows: string[][] = parse(report.text, { relax_column_count: true });
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['3', 'language "Deutsch" is not a BCP 47 language tag (such as de, fr-CA or pt-BR)'],
    ]);
  });

  it('reports a row with fewer fields than the header and an unreadable row, each at its own line, and loses no row after them', async () => {
    const csv = [
      'email,first_name,company',
      'short@prospect.example,Short',
      '"bad"x@prospect.example,Bad,Acme',
      'after@prospect.example,After,"Quote ""Co"""',
      'not-an-email,Nope,Acme',
      'padded@prospect.example,Padded,Acme,,',
      'shifted@prospect.example,Shifted,Nowak,Kowalski & Co',
      'last@prospect.example,Last,Acme',
    ].join('\n');
    const done = await importCsv(csv);
    expect(done).toMatchObject({ status: 'completed', rows: 7, inserted: 3, merged: 0, rejected: 4 });
    const report = await api.http().get(String(done.reportUrl)).set(as()).buffer(true).expect(200);
    const rows: string[][] = parse(report.text, { relax_column_count: true });
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['2', 'the row has 2 fields where the header has 3'],
      ['3', 'unreadable CSV: a closing quote is followed by "x" instead of a comma or the end of the line (field 1)'],
      ['5', expect.stringMatching(/^email /)],
      ['7', 'the row has 4 fields where the header has 3'],
    ]);
    expect(rows[1].slice(2)).toEqual(['short@prospect.example', 'Short']);
    const prospects = (
      await api.http().get(`/partners/${partner.partnerId}/prospects`).query({ limit: 200 }).set(as()).expect(200)
    ).body.items as Array<Record<string, unknown>>;
    expect(prospects.find((p) => p.email === 'after@prospect.example')).toMatchObject({
      firstName: 'After',
      company: 'Quote "Co"',
    });
    expect(prospects.map((p) => p.email)).toEqual(
      expect.arrayContaining(['padded@prospect.example', 'last@prospect.example']),
    );
    expect(prospects.map((p) => p.email)).not.toContain('short@prospect.example');
  });

  it('refuses bytes that are not CSV text with 415 whatever the Content-Type says, storing and queuing nothing', async () => {
    const before = (await api.http().get(`/partners/${partner.partnerId}/imports`).set(as()).expect(200)).body.total;
    const xlsx = Buffer.concat([
      Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00', 'latin1'),
      Buffer.from('[Content_Types].xml'),
    ]);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('email\r\nana@prospect.example\r\n', 'utf16le'),
    ]);
    const nul = Buffer.from('email,first_name\r\nana@prospect.example,A\x00na\r\n', 'latin1');
    const latin1 = Buffer.from('email,city\r\nana@prospect.example,K\xf6ln\r\n', 'latin1');
    for (const [name, body, expected] of [
      ['xlsx', xlsx, /^is a ZIP archive \(an Excel \.xlsx workbook/],
      ['png', png, /^is a PNG image/],
      ['utf-16', utf16, /UTF-16/],
      ['nul', nul, /control byte 0x00/],
      ['latin1', latin1, /^is not UTF-8 text/],
    ] as const) {
      const res = await api
        .http()
        .post(`/partners/${partner.partnerId}/imports`)
        .set(as())
        .set('Content-Type', 'text/csv')
        .send(body);
      expect([name, res.status, res.body.errors]).toEqual([
        name,
        415,
        [{ path: 'body', message: expect.stringMatching(expected) }],
      ]);
    }
    expect((await api.http().get(`/partners/${partner.partnerId}/imports`).set(as()).expect(200)).body.total).toBe(
      before,
    );
  });

  it('refuses a file over MAX_IMPORT_BYTES with 413 and anything but CSV with 415, storing nothing', async () => {
    const before = (await api.http().get(`/partners/${partner.partnerId}/imports`).set(as()).expect(200)).body.total;
    const big = `email\r\n${Array.from({ length: 300 }, (_, i) => `p${i}@prospect.example`).join('\r\n')}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(4096);
    const tooBig = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as())
      .set('Content-Type', 'text/csv')
      .send(big)
      .expect(413);
    expect(tooBig.body.message).toContain('4096');
    const wrongType = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as())
      .set('Content-Type', 'application/json')
      .send({ email: 'x@y.example' })
      .expect(415);
    expect(wrongType.body.errors).toEqual([{ path: 'Content-Type', message: 'is application/json' }]);
    expect((await api.http().get(`/partners/${partner.partnerId}/imports`).set(as()).expect(200)).body.total).toBe(
      before,
    );
  });

  it('imports into a new list it creates with the import, and the list is the newest', async () => {
    const base = `/partners/${partner.partnerId}`;
    await api.http().post(`${base}/lists`).set(as()).send({ name: 'Older list' }).expect(201);
    const started = await api
      .http()
      .post(`${base}/imports`)
      .query({ newList: '  Trade show 2026  ' })
      .set(as())
      .set('Content-Type', 'text/csv')
      .send('email\r\nnew1@list.example\r\nnew2@list.example\r\nbad-address\r\n')
      .expect(202);
    expect(started.body.listId).toEqual(expect.any(String));
    const done = await eventually(async () => {
      const res = await api.http().get(`${base}/imports/${started.body.id}`).set(as()).expect(200);
      return res.body.status === 'completed' ? (res.body as Record<string, unknown>) : undefined;
    }, 'the import');
    expect(done).toMatchObject({ listId: started.body.listId, inserted: 2, rejected: 1 });

    const newest = (await api.http().get(`${base}/lists`).query({ sort: 'newest', limit: 1 }).set(as()).expect(200))
      .body;
    expect(newest.items).toEqual([
      expect.objectContaining({ id: started.body.listId, name: 'Trade show 2026', size: 2 }),
    ]);
    const members = (
      await api.http().get(`${base}/prospects`).query({ listId: started.body.listId }).set(as()).expect(200)
    ).body.items.map((p: { email: string }) => p.email);
    expect(members.sort()).toEqual(['new1@list.example', 'new2@list.example']);
    const byName = (await api.http().get(`${base}/lists`).set(as()).expect(200)).body.items.map(
      (l: { name: string }) => l.name,
    );
    expect(byName).toEqual([...byName].sort((a: string, b: string) => a.localeCompare(b)));
    await api.http().get(`${base}/lists`).query({ sort: 'size' }).set(as()).expect(400);
  });

  it('refuses a new list whose name is taken (409), empty, or beside listId (422), storing and queuing nothing', async () => {
    const base = `/partners/${partner.partnerId}`;
    const taken = (await api.http().post(`${base}/lists`).set(as()).send({ name: 'Taken name' }).expect(201)).body;
    const before = (await api.http().get(`${base}/imports`).set(as()).expect(200)).body.total;
    const listsBefore = (await api.http().get(`${base}/lists`).set(as()).expect(200)).body.total;
    const send = (query: Record<string, string>) =>
      api
        .http()
        .post(`${base}/imports`)
        .query(query)
        .set(as())
        .set('Content-Type', 'text/csv')
        .send('email\r\nx@list.example\r\n');
    expect((await send({ newList: 'Taken name' }).expect(409)).body.errors).toEqual([
      { path: 'newList', message: 'is already used by another list' },
    ]);
    expect((await send({ newList: '   ' }).expect(422)).body.errors).toEqual([
      { path: 'newList', message: 'must not be empty' },
    ]);
    expect((await send({ newList: 'Another', listId: taken.id }).expect(422)).body.errors).toEqual([
      { path: 'newList', message: 'cannot be combined with listId' },
    ]);
    expect((await send({ newList: 'x'.repeat(201) }).expect(400)).body.errors).toEqual([
      expect.objectContaining({ path: 'newList' }),
    ]);
    expect((await api.http().get(`${base}/imports`).set(as()).expect(200)).body.total).toBe(before);
    expect((await api.http().get(`${base}/lists`).set(as()).expect(200)).body.total).toBe(listsBefore);
  });

  it('lists the rejected rows with their line, reason and values, in file order, a page at a time', async () => {
    // Line 7 opens a quote it never closes: unreadable, reported without values.
    const done = await importCsv(
      [
        'email,first_name',
        'ok@rows.example,Ok',
        'not-an-email,Bad',
        'also@rows.example,Also',
        ',Empty',
        'tz@rows.example,Tz',
        '"open,quote',
        '',
      ].join('\n'),
    );
    expect(done).toMatchObject({ status: 'completed', rejected: 3 });
    const base = `/partners/${partner.partnerId}/imports/${String(done.id)}/rejections`;
    const first = (await api.http().get(base).query({ limit: 2 }).set(as()).expect(200)).body;
    expect(first).toEqual({
      items: [
        { line: 3, reason: expect.stringMatching(/^email /), values: ['not-an-email', 'Bad'] },
        { line: 5, reason: 'email is missing', values: ['', 'Empty'] },
      ],
      total: 3,
      limit: 2,
      offset: 0,
    });
    const rest = (await api.http().get(base).query({ limit: 2, offset: 2 }).set(as()).expect(200)).body;
    expect(rest.items).toEqual([{ line: 7, reason: expect.stringMatching(/^unreadable CSV: /), values: [] }]);
    expect(rest.total).toBe(3);
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
    const started = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as)
      .set('Content-Type', 'text/csv')
      .send(['email,first_name', ...lines].join('\n'))
      .expect(202);
    const done = await eventually(async () => {
      const res = await api.http().get(`/partners/${partner.partnerId}/imports/${started.body.id}`).set(as).expect(200);
      return res.body.status === 'completed' ? (res.body as Record<string, unknown>) : undefined;
    }, 'the import');

    expect(done).toMatchObject({ rows: 35_005, inserted: 35_000, merged: 5, rejected: 0 });
    const rows: Array<{ email: string; first_name: string }> = await testDb().query(
      "SELECT email, first_name FROM prospects WHERE partner_id = $1 AND email_lower IN ('u3@prospect.example', 'u10001@prospect.example', 'u5@prospect.example', 'u4@prospect.example', 'u9998@prospect.example', 'u9999@prospect.example') ORDER BY email_lower",
      [partner.partnerId],
    );
    expect(rows).toEqual([
      { email: 'u10001@prospect.example', first_name: 'Later10001' },
      { email: 'U3@Prospect.example', first_name: 'Later3' },
      { email: 'u4@prospect.example', first_name: 'A4' },
      { email: 'u5@prospect.example', first_name: 'Later5' },
      { email: 'u9998@prospect.example', first_name: 'Later9998' },
      { email: 'u9999@prospect.example', first_name: 'Later9999' },
    ]);
  }, 120_000);

  it('records the rows read while the file is still being read; its rejected rows are listed once it has finished', async () => {
    const tenants = new TenantFactory(api);
    const partner = await tenants.partner(await tenants.vendor());
    const as = { Authorization: `Bearer ${partner.token}` };
    const db = testDb();
    // The first batch's write waits on a lock the test holds: the import stays running, its reading done, until the test lets go.
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock(4711)');
    await db.query(`CREATE FUNCTION import_hold() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.first_name = 'Hold' THEN PERFORM pg_advisory_xact_lock_shared(4711); END IF;
        RETURN NEW;
      END $$`);
    await db.query('CREATE TRIGGER import_hold BEFORE INSERT ON prospects FOR EACH ROW EXECUTE FUNCTION import_hold()');
    try {
      const lines = Array.from({ length: 25_000 }, (_, i) => `h${i}@prospect.example,${i === 0 ? 'Hold' : `H${i}`}`);
      lines.splice(12_000, 0, 'not-an-email,Bad');
      const started = await api
        .http()
        .post(`/partners/${partner.partnerId}/imports`)
        .set(as)
        .set('Content-Type', 'text/csv')
        .send(['email,first_name', ...lines].join('\n'))
        .expect(202);
      const url = `/partners/${partner.partnerId}/imports/${started.body.id}`;
      const running = await eventually(async () => {
        const res = await api.http().get(url).set(as).expect(200);
        return res.body.rows >= 20_000 ? (res.body as Record<string, unknown>) : undefined;
      }, 'progress while the import runs');
      expect(running).toMatchObject({ status: 'running', rejected: 1, finishedAt: null });
      expect((await api.http().get(`${url}/rejections`).set(as).expect(409)).body.message).toMatch(/has not finished/);

      await holder.query('SELECT pg_advisory_unlock(4711)');
      const done = await eventually(async () => {
        const res = await api.http().get(url).set(as).expect(200);
        return res.body.status === 'completed' ? (res.body as Record<string, unknown>) : undefined;
      }, 'the import');
      expect(done).toMatchObject({ rows: 25_001, inserted: 25_000, rejected: 1 });
      expect((await api.http().get(`${url}/rejections`).set(as).expect(200)).body.items).toEqual([
        { line: 12_002, reason: expect.stringMatching(/^email /), values: ['not-an-email', 'Bad'] },
      ]);
    } finally {
      await holder.end();
      await db.query('DROP TRIGGER import_hold ON prospects');
      await db.query('DROP FUNCTION import_hold()');
    }
  }, 120_000);

  it('refuses a record longer than 64 K characters at its line and imports every row after it', async () => {
    const tenants = new TenantFactory(api);
    const partner = await tenants.partner(await tenants.vendor());
    const as = { Authorization: `Bearer ${partner.token}` };
    const csv = [
      'email,first_name',
      'a@prospect.example,A',
      `long@prospect.example,${'y'.repeat(70_000)}`,
      'b@prospect.example,B',
      `open@prospect.example,"${'z'.repeat(70_000)}`,
      'c@prospect.example,C',
      'not-an-email,D',
    ].join('\r\n');
    const started = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(202);
    const done = await eventually(async () => {
      const res = await api.http().get(`/partners/${partner.partnerId}/imports/${started.body.id}`).set(as).expect(200);
      return res.body.status === 'completed' ? (res.body as Record<string, unknown>) : undefined;
    }, 'the import');
    expect(done).toMatchObject({ rows: 6, inserted: 3, rejected: 3 });
    const report: string[][] = parse(
      (await api.http().get(String(done.reportUrl)).set(as).buffer(true).expect(200)).text,
      { relax_column_count: true },
    );
    expect(report.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['3', expect.stringMatching(/^unreadable CSV: the record is longer than 65536 characters/)],
      ['5', expect.stringMatching(/^unreadable CSV: the record is longer than 65536 characters/)],
      ['7', expect.stringMatching(/^email /)],
    ]);
  }, 60_000);

  it('retries an import a lost database connection interrupted: every row once, exact counts, the whole report', async () => {
    const tenants = new TenantFactory(api);
    const partner = await tenants.partner(await tenants.vendor());
    const as = { Authorization: `Bearer ${partner.token}` };
    const db = testDb();
    // The first write of a row named TrapOnce kills its own connection, as a Postgres restart
    // would; a sequence (outside any transaction) remembers that it did.
    await db.query('CREATE SEQUENCE import_trap_once');
    await db.query(`CREATE FUNCTION import_trap_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.first_name = 'TrapOnce' AND nextval('import_trap_once') = 1 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      'CREATE TRIGGER import_trap_once BEFORE INSERT ON prospects FOR EACH ROW EXECUTE FUNCTION import_trap_once()',
    );
    try {
      // Three batches; the trap is in the second, written beside the first.
      const lines = Array.from(
        { length: 25_000 },
        (_, i) => `r${i}@prospect.example,${i === 15_000 ? 'TrapOnce' : `R${i}`}`,
      );
      lines.splice(5_000, 0, 'not-an-email,Bad');
      lines.splice(22_000, 0, 'r7@prospect.example,Later7');
      const started = await api
        .http()
        .post(`/partners/${partner.partnerId}/imports`)
        .set(as)
        .set('Content-Type', 'text/csv')
        .send(['email,first_name', ...lines].join('\n'))
        .expect(202);
      const done = await eventually(
        async () => {
          const res = await api
            .http()
            .get(`/partners/${partner.partnerId}/imports/${started.body.id}`)
            .set(as)
            .expect(200);
          return ['completed', 'failed'].includes(res.body.status) ? (res.body as Record<string, unknown>) : undefined;
        },
        'the import',
        60_000,
      );
      expect((await db.query('SELECT last_value FROM import_trap_once'))[0].last_value).toBe('2');
      expect(done).toMatchObject({
        status: 'completed',
        rows: 25_002,
        inserted: 25_000,
        merged: 1,
        rejected: 1,
        error: null,
      });
      const counts = await db.query(
        "SELECT count(*)::int AS n, count(*) FILTER (WHERE first_name = 'Later7')::int AS later FROM prospects WHERE partner_id = $1",
        [partner.partnerId],
      );
      expect(counts[0]).toEqual({ n: 25_000, later: 1 });
      const report: string[][] = parse(
        (await api.http().get(String(done.reportUrl)).set(as).buffer(true).expect(200)).text,
        { relax_column_count: true },
      );
      expect(report.slice(1).map((r) => [r[0], r[2]])).toEqual([['5002', 'not-an-email']]);
    } finally {
      await db.query('DROP TRIGGER import_trap_once ON prospects');
      await db.query('DROP FUNCTION import_trap_once()');
      await db.query('DROP SEQUENCE import_trap_once');
    }
  }, 120_000);

  it('starts no write once one has failed, reports the failure only when none is left running and without the database error, and a second import completes the file', async () => {
    const tenants = new TenantFactory(api);
    const partner = await tenants.partner(await tenants.vendor());
    const as = { Authorization: `Bearer ${partner.token}` };
    const db = testDb();
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
    const csv = [
      'email,first_name',
      ...Array.from({ length: 25_000 }, (_, i) => `t${i}@prospect.example,${name(i)}`),
    ].join('\n');
    const importFile = async () => {
      const started = await api
        .http()
        .post(`/partners/${partner.partnerId}/imports`)
        .set(as)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(202);
      return eventually(async () => {
        const res = await api
          .http()
          .get(`/partners/${partner.partnerId}/imports/${started.body.id}`)
          .set(as)
          .expect(200);
        return ['completed', 'failed'].includes(res.body.status) ? (res.body as Record<string, unknown>) : undefined;
      }, 'the import');
    };
    const rowsOfBatch = async (batch: number) =>
      Number(
        (
          await db.query(
            "SELECT count(*) AS n FROM prospects WHERE partner_id = $1 AND substring(email_lower from '^t([0-9]+)@')::int / 10000 = $2",
            [partner.partnerId, batch],
          )
        )[0].n,
      );
    try {
      const failed = await importFile();
      const stillWriting = await db.query(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE 'INSERT INTO prospects%'",
      );
      expect(Number(stillWriting[0].n)).toBe(0);
      expect(failed).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/^The import stopped on an internal error/),
      });
      expect(String(failed.error)).not.toContain('import_trap');
      expect([await rowsOfBatch(0), await rowsOfBatch(1), await rowsOfBatch(2)]).toEqual([10_000, 0, 0]);
    } finally {
      await db.query('DROP TRIGGER import_trap ON prospects');
      await db.query('DROP FUNCTION import_trap()');
    }
    expect(await importFile()).toMatchObject({
      status: 'completed',
      rows: 25_000,
      inserted: 15_000,
      merged: 10_000,
      rejected: 0,
    });
  }, 120_000);
});

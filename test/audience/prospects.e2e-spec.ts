import { TenantFactory, TestPartner } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** A partner's prospects and lists through the API: what they store, find, merge and refuse. */
describe('prospects and lists', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let partner: TestPartner;
  let neighbour: TestPartner;
  const as = (p: TestPartner = partner) => ({ Authorization: `Bearer ${p.token}` });
  const base = (p: TestPartner = partner) => `/partners/${p.partnerId}`;
  const create = (body: Record<string, unknown>, p: TestPartner = partner) =>
    api
      .http()
      .post(`${base(p)}/prospects`)
      .set(as(p))
      .send(body);

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker({ roles: 'enroll' });
    const tenants = new TenantFactory(api);
    const vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
    neighbour = await tenants.partner(vendor);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('stores every field as given, refuses the same email in any case, and edits only what is named', async () => {
    const full = {
      email: 'Ann@Contoso.example',
      firstName: 'Ann',
      lastName: 'Lee',
      company: 'Contoso',
      title: 'CTO',
      country: 'PL',
      timezone: 'Europe/Warsaw',
      consentSource: 'webinar',
      custom: { plan: 'pro' },
    };
    const created = await create(full).expect(201);
    expect(created.body).toMatchObject({ ...full, id: expect.stringMatching(/^\d+$/) });
    await api.http().get(`${base()}/prospects/${created.body.id}`).set(as()).expect(200, created.body);
    const dup = await create({ email: 'ann@contoso.EXAMPLE' }).expect(409);
    expect(dup.body.errors).toEqual([{ path: 'email', message: 'is already a prospect of this partner' }]);
    // Another partner of the same vendor has its own prospects.
    await create({ email: 'ann@contoso.example' }, neighbour).expect(201);

    const same = await api
      .http()
      .patch(`${base()}/prospects/${created.body.id}`)
      .set(as())
      .send({ company: 'Contoso', custom: { plan: 'pro' } })
      .expect(200);
    expect(same.body).toEqual(created.body);
    const edited = await api
      .http()
      .patch(`${base()}/prospects/${created.body.id}`)
      .set(as())
      .send({ title: null, custom: { seats: '5' } })
      .expect(200);
    expect(edited.body).toMatchObject({ ...full, title: null, custom: { seats: '5' } });
    expect(new Date(edited.body.updatedAt).getTime()).toBeGreaterThan(new Date(created.body.updatedAt).getTime());
    const other = await create({ email: 'bob@contoso.example' }).expect(201);
    await api
      .http()
      .patch(`${base()}/prospects/${other.body.id}`)
      .set(as())
      .send({ email: 'ANN@contoso.example' })
      .expect(409);
    const bad = await api
      .http()
      .patch(`${base()}/prospects/${other.body.id}`)
      .set(as())
      .send({ timezone: 'Mars/Olympus', company: 'x\u0001' })
      .expect(422);
    expect(bad.body.errors).toEqual([{ path: 'company', message: 'company contains control characters' }]);
  });

  it('keeps the language a prospect reads as a canonical BCP 47 tag, and refuses a language name by field', async () => {
    const created = await create({ email: 'lang@prospect.example', language: 'pt-br' }).expect(201);
    expect(created.body.language).toBe('pt-BR');
    const named = await create({ email: 'named@prospect.example', language: 'English' }).expect(422);
    expect(named.body.errors).toEqual([
      { path: 'language', message: 'language "English" is not a BCP 47 language tag (such as de, fr-CA or pt-BR)' },
    ]);
    const edit = (language: unknown) =>
      api.http().patch(`${base()}/prospects/${created.body.id}`).set(as()).send({ language });
    expect((await edit('FR-ca').expect(200)).body.language).toBe('fr-CA');
    expect((await edit('en_GB').expect(422)).body.errors).toEqual([
      { path: 'language', message: 'language "en_GB" is not a BCP 47 language tag (such as de, fr-CA or pt-BR)' },
    ]);
    expect((await edit('x'.repeat(36)).expect(400)).body.errors).toEqual([
      { path: 'language', message: expect.stringContaining('35') },
    ]);
    expect((await edit(null).expect(200)).body.language).toBeNull();
    // Nothing of a refused edit was written.
    expect(
      (await api.http().get(`${base()}/prospects/${created.body.id}`).set(as()).expect(200)).body.language,
    ).toBeNull();
  });

  it('checks an edit field by field as creation does, every field optional', async () => {
    const created = await create({ email: 'checked@prospect.example' }).expect(201);
    const paths = (body: { errors: Array<{ path: string }> }) => [...new Set(body.errors.map((e) => e.path))].sort();
    const bad = { email: 5, firstName: 'x'.repeat(201), timezone: 't'.repeat(65), custom: 'plain', extra: true };
    const edit = await api.http().patch(`${base()}/prospects/${created.body.id}`).set(as()).send(bad).expect(400);
    expect(paths(edit.body)).toEqual(['custom', 'email', 'extra', 'firstName', 'timezone']);
    const creation = await create(bad).expect(400);
    expect(paths(creation.body)).toEqual(paths(edit.body));
    await api.http().patch(`${base()}/prospects/${created.body.id}`).set(as()).send({}).expect(200);
  });

  it('pages in id order with the one page shape and searches email and company literally, in any case', async () => {
    const ids: string[] = [];
    for (const [email, company] of [
      ['p1@search.example', '100% Growth'],
      ['p2@search.example', '1000 Growth'],
      ['under_score@search.example', null],
      ['p4@search.example', 'UNDERXSCORE'],
    ] as const) {
      ids.push((await create({ email, company }).expect(201)).body.id);
    }
    const all = (
      await api.http().get(`${base()}/prospects`).query({ limit: 200 }).set(as()).expect(200)
    ).body.items.map((p: { id: string }) => p.id);
    expect(all).toEqual([...all].sort((x: string, y: string) => Number(x) - Number(y)));
    const page = await api
      .http()
      .get(`${base()}/prospects`)
      .query({ search: '@search.example', offset: 1, limit: 2 })
      .set(as())
      .expect(200);
    expect(page.body).toEqual({
      items: [expect.objectContaining({ id: ids[1] }), expect.objectContaining({ id: ids[2] })],
      total: 4,
      limit: 2,
      offset: 1,
    });
    await api.http().get(`${base()}/prospects`).query({ limit: 201 }).set(as()).expect(400);
    const percent = await api.http().get(`${base()}/prospects`).query({ search: '0% g' }).set(as()).expect(200);
    expect(percent.body.items.map((p: { email: string }) => p.email)).toEqual(['p1@search.example']);
    const underscore = await api.http().get(`${base()}/prospects`).query({ search: 'R_S' }).set(as()).expect(200);
    expect(underscore.body.items.map((p: { email: string }) => p.email)).toEqual(['under_score@search.example']);
  });

  it('keeps lists of its own prospects: sizes, new members counted once, ids of another partner or unknown ones refused whole, members removed', async () => {
    const mine = [
      (await create({ email: 'l1@list.example' }).expect(201)).body.id,
      (await create({ email: 'l2@list.example' }).expect(201)).body.id,
    ];
    const theirs = (await create({ email: 'l3@list.example' }, neighbour).expect(201)).body.id;
    const list = await api.http().post(`${base()}/lists`).set(as()).send({ name: 'Webinar' }).expect(201);
    await api.http().post(`${base()}/lists`).set(as()).send({ name: 'Webinar' }).expect(409);
    await api.http().post(`${base()}/lists`).set(as()).send({ name: 'Another' }).expect(201);
    const members = `${base()}/lists/${list.body.id}/members`;
    // Another partner's prospect reads as unknown (404), and the request adds nothing at all.
    await api
      .http()
      .post(members)
      .set(as())
      .send({ prospectIds: [mine[0], theirs] })
      .expect(404);
    await api
      .http()
      .post(members)
      .set(as())
      .send({ prospectIds: [mine[0], '999999999'] })
      .expect(404);
    expect(
      (await api.http().get(`${base()}/lists`).set(as()).expect(200)).body.items.find(
        (l: { id: string }) => l.id === list.body.id,
      ).size,
    ).toBe(0);
    await api
      .http()
      .post(members)
      .set(as())
      .send({ prospectIds: [mine[0]] })
      .expect(200, { added: 1 });
    await api.http().post(members).set(as()).send({ prospectIds: mine }).expect(200, { added: 1 });
    const lists = await api.http().get(`${base()}/lists`).set(as()).expect(200);
    expect(lists.body.items.map((l: { name: string; size: number }) => [l.name, l.size])).toEqual([
      ['Another', 0],
      ['Webinar', 2],
    ]);
    const inList = await api.http().get(`${base()}/prospects`).query({ listId: list.body.id }).set(as()).expect(200);
    expect(inList.body.items.map((p: { id: string }) => p.id)).toEqual(mine);
    await api
      .http()
      .delete(members)
      .set(as())
      .send({ prospectIds: [mine[0], theirs] })
      .expect(204);
    expect(
      (await api.http().get(`${base()}/lists`).set(as()).expect(200)).body.items.find(
        (l: { id: string }) => l.id === list.body.id,
      ).size,
    ).toBe(1);
    // The neighbour's lists are its own: this list is not one of them.
    await api
      .http()
      .post(`${base(neighbour)}/lists/${list.body.id}/members`)
      .set(as(neighbour))
      .send({ prospectIds: [theirs] })
      .expect(404);
  });

  it('merges an import into existing prospects: given values win, empty ones keep what was there, custom fields merge; rows join the named list', async () => {
    const existing = await create({
      email: 'merge@import.example',
      firstName: 'Old',
      company: 'Kept',
      custom: { a: '1' },
    }).expect(201);
    const list = await api.http().post(`${base()}/lists`).set(as()).send({ name: 'Imported' }).expect(201);
    const csv = 'email,first_name,company,custom_b\nMERGE@import.example,New,,2\nfresh@import.example,Fresh,Co,\n';
    const started = await api
      .http()
      .post(`${base()}/imports`)
      .query({ listId: list.body.id })
      .set(as())
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(202);
    const done = await eventually(async () => {
      const res = await api.http().get(`${base()}/imports/${started.body.id}`).set(as()).expect(200);
      return res.body.status === 'completed' ? res.body : undefined;
    }, 'the import');
    expect(done).toMatchObject({ rows: 2, inserted: 1, merged: 1, rejected: 0 });
    const merged = await api.http().get(`${base()}/prospects/${existing.body.id}`).set(as()).expect(200);
    expect(merged.body).toMatchObject({
      email: 'MERGE@import.example',
      firstName: 'New',
      company: 'Kept',
      custom: { a: '1', b: '2' },
    });
    const inList = await api.http().get(`${base()}/prospects`).query({ listId: list.body.id }).set(as()).expect(200);
    expect(inList.body.items.map((p: { email: string }) => p.email)).toEqual([
      'MERGE@import.example',
      'fresh@import.example',
    ]);
    const imports = await api.http().get(`${base()}/imports`).set(as()).expect(200);
    expect(imports.body.items[0]).toMatchObject({ id: started.body.id, status: 'completed' });
  });

  it('deletes a prospect once; an id that is not a number names nothing', async () => {
    const created = await create({ email: 'gone@prospect.example' }).expect(201);
    await api.http().delete(`${base()}/prospects/${created.body.id}`).set(as()).expect(204);
    await api.http().delete(`${base()}/prospects/${created.body.id}`).set(as()).expect(404);
    await api.http().get(`${base()}/prospects/${created.body.id}`).set(as()).expect(404);
    await api.http().get(`${base()}/prospects/abc`).set(as()).expect(404);
    await api.http().delete(`${base()}/prospects/abc`).set(as()).expect(404);
  });
});

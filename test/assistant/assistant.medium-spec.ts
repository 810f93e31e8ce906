import { AssistantModule, AssistantService, subjectLinesPrompt, textBlockPrompt } from '@tcma/assistant';
import { ManualClock } from '@tcma/clock';
import { ForbiddenError, TooManyRequestsError, UnavailableError } from '@tcma/errors';
import { TenancyModule } from '@tcma/tenancy';
import { ServiceTenants, ServiceVendor } from '../factories/service-tenants.factory';
import { ChatCompletionsStub, defaultReply } from '../support/chat-completions-stub';
import { testDb } from '../support/db';
import { ServiceHarness, startServices } from '../support/service-harness';

const campaign = { name: 'Backups that work', description: 'Cloud backup for small offices', language: 'en' };
const email = {
  subject: 'Your backups, checked',
  preheader: '',
  mjml: '<mjml><mj-body><mj-text>Hello {{prospect.first_name}}, {{partner.company_name}} checks your backups.</mj-text></mj-body></mjml>',
};
const subjects = (count = 3) => subjectLinesPrompt({ campaign, email, count, maxLength: 200 });

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

interface CallRecord {
  user_id: string | null;
  partner_id: string | null;
  purpose: string;
  model: string;
  status: string;
  error: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  duration_ms: number | null;
}
const recordsOf = (vendorId: string) =>
  testDb().query<CallRecord[]>(
    'SELECT user_id, partner_id, purpose, model, status, error, prompt_tokens, completion_tokens, duration_ms FROM assistant_calls WHERE vendor_id = $1 ORDER BY created_at, id',
    [vendorId],
  );

describe(AssistantService.name, () => {
  const stub = new ChatCompletionsStub();
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  let services: ServiceHarness;
  let tenants: ServiceTenants;
  let sut: AssistantService;

  beforeAll(async () => {
    await stub.start();
    services = await startServices([TenancyModule, AssistantModule], {
      clock,
      env: {
        AI_BASE_URL: stub.url,
        AI_MODEL: 'stub-model',
        AI_API_KEY: 'sk-test-key',
        AI_TIMEOUT_MS: '400',
        AI_CALLS_PER_MINUTE_PER_VENDOR: '3',
        AI_MAX_ANSWER_TOKENS: '200',
        AI_MONTHLY_TOKENS_PER_VENDOR: '100000',
      },
    });
    tenants = new ServiceTenants(services.app);
    sut = services.get(AssistantService);
  });

  afterAll(async () => {
    await services?.close();
    await stub.stop();
  });

  /** A vendor of its own per test, so one test's calls never count in another's limits. */
  const vendor = (): Promise<ServiceVendor> => tenants.vendor();

  it('asks the configured model for options and records who asked, what for, the model, its tokens and the time taken', async () => {
    const acme = await vendor();
    stub.answeredModel = 'stub-model-2026-01';
    const answer = await sut.options(acme.admin, subjects(3));
    stub.answeredModel = null;
    expect(answer.options).toEqual([
      'Suggestion 1: subject lines for the email below {{prospect.first_name}}',
      'Suggestion 2: subject lines for the email below {{prospect.first_name}}',
      'Suggestion 3: subject lines for the email below {{prospect.first_name}}',
    ]);
    const call = stub.calls.at(-1)!;
    expect(call.model).toBe('stub-model');
    expect(call.headers.authorization).toBe('Bearer sk-test-key');
    expect(call.maxTokens).toBe(200);
    expect(call.messages.map((m) => m.role)).toEqual(['system', 'user']);
    // The template's source is what is sent: its placeholders, never a value they stand for.
    expect(call.messages[1].content).toContain('Hello {{prospect.first_name}}, {{partner.company_name}} checks');

    const [record] = await recordsOf(acme.vendorId);
    const promptChars = call.messages.reduce((n, m) => n + m.content.length, 0);
    expect(record).toMatchObject({
      user_id: acme.admin.userId,
      partner_id: null,
      purpose: 'subject_lines',
      model: 'stub-model-2026-01',
      status: 'completed',
      error: null,
      prompt_tokens: Math.ceil(promptChars / 4),
    });
    expect(record.completion_tokens).toBeGreaterThan(0);
    expect(record.duration_ms).toEqual(expect.any(Number));

    const listed = await sut.listCalls(acme.admin, { limit: 10, offset: 0 });
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({ id: answer.callId, userName: 'Admin', purpose: 'subject_lines' });
    const status = await sut.status(acme.admin);
    expect(status).toMatchObject({
      enabled: true,
      model: 'stub-model',
      month: '2026-11',
      monthlyTokens: 100_000,
      usedTokens: record.prompt_tokens + record.completion_tokens,
    });
  });

  it("counts a partner's calls against its vendor, and shows the record to the vendor's admins only", async () => {
    const acme = await vendor();
    const partner = await tenants.partner(acme, { companyName: 'Vienna Systems' });
    const prompt = textBlockPrompt({
      campaign,
      block: { label: 'Your introduction', maxLength: 400, linksTo: null, defaultText: '' },
      partnerName: 'Vienna Systems',
      notes: 'We have served Vienna since 1998',
      current: '',
      count: 2,
    });
    const answer = await sut.options(partner.user, prompt);
    expect(answer.options).toHaveLength(2);
    expect(await recordsOf(acme.vendorId)).toEqual([
      expect.objectContaining({ partner_id: partner.partnerId, user_id: partner.user.userId, purpose: 'text_block' }),
    ]);
    const listed = await sut.listCalls(acme.admin, { limit: 10, offset: 0 });
    expect(listed.items[0]).toMatchObject({ partnerName: 'Vienna Systems', userName: 'Partner user' });
    expect(await rejection(sut.listCalls(partner.user, { limit: 10, offset: 0 }))).toBeInstanceOf(ForbiddenError);
    const marketer = { ...acme.admin, role: 'vendor_marketer' as const };
    expect(await rejection(sut.listCalls(marketer, { limit: 10, offset: 0 }))).toBeInstanceOf(ForbiddenError);
    expect(await sut.status(partner.user)).toMatchObject({ enabled: true, monthlyTokens: null, usedTokens: null });
  });

  it('never sends an email address, whoever typed it, and puts it back in the answer', async () => {
    const acme = await vendor();
    stub.reply = (call) => {
      const mask = /\{\{address_\d+\}\}/.exec(call.messages[1].content)?.[0] ?? '';
      return JSON.stringify({ options: [`Write to ${mask} today`] });
    };
    try {
      const prompt = textBlockPrompt({
        campaign,
        block: { label: 'Intro', maxLength: 400, linksTo: null, defaultText: '' },
        partnerName: 'Vienna Systems',
        notes: 'Mention that jane.doe@customer.example and sales@vienna.example answer questions',
        current: '',
        count: 1,
      });
      const answer = await sut.options(acme.admin, prompt);
      const sent = stub.sentTexts.at(-1)!;
      expect(sent).not.toContain('jane.doe@customer.example');
      expect(sent).not.toContain('sales@vienna.example');
      expect(sent).toContain('{{address_1}} and {{address_2}} answer questions');
      expect(answer.options).toEqual(['Write to jane.doe@customer.example today']);
    } finally {
      stub.reply = defaultReply;
    }
  });

  it('refuses a call the monthly budget cannot hold with a clear message, asks nothing, and opens again the next month', async () => {
    const acme = await vendor();
    const at = new Date('2026-11-23T09:00:00Z');
    clock.set(at);
    await sut.setMonthlyTokens(acme.admin, 1_000);
    const asked = stub.calls.length;
    // Each call reserves its prompt's estimate and the longest answer (200): the budget holds a few.
    let refused: Error | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      clock.advance(20_000);
      refused = await sut.options(acme.admin, subjects()).then(
        () => undefined,
        (e: Error) => e,
      );
    }
    const made = stub.calls.length - asked;
    expect(made).toBeGreaterThan(1);
    const used = (await sut.status(acme.admin)).usedTokens!;
    const reserve =
      Math.ceil(
        stub.calls
          .at(-1)!
          .messages.map((m) => m.content)
          .join('').length / 4,
      ) + 200;
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused!.message).toBe(
      `This request could use up to ${reserve} tokens and your organisation's assistant budget for November 2026 has ${1_000 - used} of 1,000 left. It renews on 1 December 2026; a vendor admin may change it. Nothing was changed.`,
    );

    // The vendor admin lowers the budget to what is used: it is spent.
    await sut.setMonthlyTokens(acme.admin, used);
    const spent = await rejection(sut.options(acme.admin, subjects()));
    expect(spent.message).toBe(
      `Your organisation's assistant budget for November 2026 is spent: ${used} of ${used} tokens used. It renews on 1 December 2026; a vendor admin may change it. Nothing was changed.`,
    );
    expect((spent as TooManyRequestsError).problems).toEqual([
      expect.objectContaining({ path: 'assistant', code: 'assistant_budget_spent' }),
    ]);
    expect((spent as TooManyRequestsError).retryAfterSeconds).toBe(
      (Date.parse('2026-12-01T00:00:00Z') - clock.now().getTime()) / 1000,
    );
    expect(stub.calls.length - asked).toBe(made);
    const records = await recordsOf(acme.vendorId);
    expect(records.map((r) => [r.status, r.error]).slice(-2)).toEqual([
      ['refused', 'the monthly token budget'],
      ['refused', 'the monthly token budget'],
    ]);
    expect(records.filter((r) => r.status === 'completed')).toHaveLength(made);

    // A budget above the installation's is refused at its field.
    const tooMuch = await rejection(sut.setMonthlyTokens(acme.admin, 100_001));
    expect(tooMuch).toMatchObject({ problems: [expect.objectContaining({ path: 'monthlyTokens' })] });

    await sut.setMonthlyTokens(acme.admin, 1_000);
    clock.set('2026-12-01T00:00:01Z');
    expect((await sut.status(acme.admin)).usedTokens).toBe(0);
    await expect(sut.options(acme.admin, subjects())).resolves.toMatchObject({ options: expect.any(Array) });
    expect(stub.calls.length - asked).toBe(made + 1);
  });

  it('refuses a call past the per-minute limit, telling when to try again; other vendors are not held up', async () => {
    const acme = await vendor();
    const other = await vendor();
    clock.set('2026-11-24T10:00:00Z');
    for (let i = 0; i < 3; i++) {
      await sut.options(acme.admin, subjects(1));
      clock.advance(10_000);
    }
    const refused = await rejection(sut.options(acme.admin, subjects(1)));
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused.message).toBe(
      'Your organisation has asked the assistant 3 times in the last minute, its limit; try again in 30 s. Nothing was changed.',
    );
    expect((refused as TooManyRequestsError).retryAfterSeconds).toBe(30);
    await expect(sut.options(other.admin, subjects(1))).resolves.toBeDefined();
    clock.advance(30_000);
    await expect(sut.options(acme.admin, subjects(1))).resolves.toBeDefined();
  });

  it("answers the model's 429, 500, silence and nonsense with a clear error, spends no tokens and records each", async () => {
    const acme = await vendor();
    clock.set('2026-11-25T10:00:00Z');
    stub.failNext('rate_limited', 1, 12);
    const busy = await rejection(sut.options(acme.admin, subjects()));
    expect(busy).toBeInstanceOf(TooManyRequestsError);
    expect(busy.message).toBe("The assistant's model is busy; try again in 12 s. Nothing was changed.");
    expect((busy as TooManyRequestsError).retryAfterSeconds).toBe(12);

    clock.advance(60_000);
    stub.failNext('server_error');
    const failed = await rejection(sut.options(acme.admin, subjects()));
    expect(failed).toBeInstanceOf(UnavailableError);
    expect(failed.message).toBe("The model's service failed (500); try again. Nothing was changed.");

    clock.advance(1_000);
    stub.failNext('hang');
    const silent = await rejection(sut.options(acme.admin, subjects()));
    expect(silent).toBeInstanceOf(UnavailableError);
    expect(silent.message).toBe('The model gave no answer within 0.4 s; try again. Nothing was changed.');

    clock.advance(60_000);
    stub.failNext('garbage');
    const nonsense = await rejection(sut.options(acme.admin, subjects()));
    expect(nonsense.message).toBe('The model answered something other than JSON; try again. Nothing was changed.');

    const records = await recordsOf(acme.vendorId);
    expect(records.map((r) => [r.status, r.prompt_tokens + r.completion_tokens])).toEqual([
      ['failed', 0],
      ['failed', 0],
      ['failed', 0],
      ['failed', 0],
    ]);
    expect(records.map((r) => r.error)).toEqual([busy.message, failed.message, silent.message, nonsense.message]);
    expect((await sut.status(acme.admin)).usedTokens).toBe(0);
  });
});

describe('AssistantService without a model configured', () => {
  const stub = new ChatCompletionsStub();
  let services: ServiceHarness;

  beforeAll(async () => {
    await stub.start();
    services = await startServices([TenancyModule, AssistantModule], { env: { AI_BASE_URL: '', AI_MODEL: '' } });
  });

  afterAll(async () => {
    await services?.close();
    await stub.stop();
  });

  it('is off: it says so, refuses every call and sends nothing anywhere', async () => {
    const acme = await new ServiceTenants(services.app).vendor();
    const sut = services.get(AssistantService);
    expect(await sut.status(acme.admin)).toMatchObject({ enabled: false, model: null });
    const refused = await rejection(sut.options(acme.admin, subjects()));
    expect(refused).toBeInstanceOf(UnavailableError);
    expect(refused.message).toBe(
      'The assistant is off: this installation has no model configured (AI_BASE_URL and AI_MODEL)',
    );
    expect(stub.calls).toEqual([]);
    expect(await recordsOf(acme.vendorId)).toEqual([]);
  });
});

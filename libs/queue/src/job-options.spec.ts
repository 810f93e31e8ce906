import { jobOptions, webhookAfterFirstTry } from './job-options';
import { JobName } from './jobs';

const WEEK = { age: 7 * 86_400 };

describe('jobOptions', () => {
  it('has options for every job type', () => {
    expect(Object.keys(jobOptions).sort()).toEqual(Object.values(JobName).sort());
  });

  it('retries work a database hiccup fails five times, the waits doubling from 5 s', () => {
    const retried = {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: true,
      removeOnFail: WEEK,
    };
    expect(jobOptions[JobName.ImportProspects]('7')).toEqual({ ...retried, jobId: 'import-7' });
    expect(jobOptions[JobName.EnrollLaunch]('8')).toEqual({ ...retried, jobId: 'enroll-8' });
    expect(jobOptions[JobName.FanOutProgrammeVersion]('9')).toEqual({ ...retried, jobId: 'fan-out-9' });
    expect(jobOptions[JobName.NotifyPendingLaunch]('10')).toEqual({ ...retried, jobId: 'notify-10' });
    expect(jobOptions[JobName.NotifyLead]('13')).toEqual({
      ...retried,
      removeOnComplete: { age: 86_400, count: 10_000 },
      jobId: 'lead-notice-13',
    });
  });

  it('tries ledger-run jobs once: the ledger decides retries', () => {
    const once = { attempts: 1, removeOnComplete: true, removeOnFail: WEEK };
    expect(jobOptions[JobName.SendSteps](1500)).toEqual({ ...once, delay: 1500 });
    expect(jobOptions[JobName.PublishSocialPost]('11', 2)).toEqual({ ...once, jobId: 'social-11-2' });
  });

  it('renders once and keeps the result an hour for whoever waits for it', () => {
    expect(jobOptions[JobName.RenderAsset]('key')).toEqual({
      jobId: 'key',
      attempts: 1,
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 3600 },
    });
  });

  it('tries a webhook delivery twelve times from the configured base wait', () => {
    expect(jobOptions[JobName.DeliverWebhook]('12', 30_000)).toEqual({
      jobId: '12',
      attempts: 12,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: { age: 86_400, count: 10_000 },
      removeOnFail: WEEK,
    });
  });

  it('goes on with a delivery a batch did not deliver: the retries it has left, each wait as its own job’s would have been', () => {
    const retried = webhookAfterFirstTry('d1', 'deliveries-x', 30_000, { kind: 'retry' });
    expect(retried).toMatchObject({ jobId: 'd1-after-deliveries-x', attempts: 11, delay: 30_000 });
    // BullMQ's exponential wait after the n-th failure is delay × 2^(n-1): the waits of a
    // DeliverWebhook job's tries 2..12 (30 s, 60 s, 120 s, …) with the first already made.
    const waits = [retried.delay!];
    for (let failed = 1; failed < 11; failed++)
      waits.push((retried.backoff as { delay: number }).delay * 2 ** (failed - 1));
    expect(waits).toEqual(Array.from({ length: 11 }, (_, n) => 30_000 * 2 ** n));

    // Busy: that try did not count; all twelve after the wait.
    expect(webhookAfterFirstTry('d1', 'deliveries-x', 30_000, { kind: 'busy', delayMs: 700 })).toEqual({
      ...jobOptions[JobName.DeliverWebhook]('d1-after-deliveries-x', 30_000),
      delay: 700,
    });
  });

  it('queues deliveries together under an id of their own, tried again only for the database', () => {
    expect(jobOptions[JobName.DeliverWebhooks]('deliveries-x')).toEqual({
      jobId: 'deliveries-x',
      attempts: 5,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { age: 86_400, count: 10_000 },
      removeOnFail: WEEK,
    });
  });
});

import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { JobName, QueueName, RenderAssetJob, RenderAssetResult } from '@tcma/queue';
import { AssetRenderService } from '@tcma/rendering';
import { Job, UnrecoverableError } from 'bullmq';
import { inJobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler';

/** The render role: previews and co-branded files, CPU work bounded by RENDER_CONCURRENCY. */
@Processor(QueueName.Render)
export class RenderProcessor extends WorkerHost implements JobHandler, OnModuleInit {
  readonly queue = QueueName.Render;
  readonly jobNames = [JobName.RenderAsset] as const;

  constructor(
    private readonly renderer: AssetRenderService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.renderConcurrency;
  }

  async process(job: Job<RenderAssetJob>): Promise<RenderAssetResult> {
    if (job.name !== JobName.RenderAsset) throw new UnrecoverableError(`Unknown job ${job.name}`);
    return inJobContext(job, () => this.renderer.render(job.data));
  }
}

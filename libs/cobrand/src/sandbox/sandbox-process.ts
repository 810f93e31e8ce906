import sharp from 'sharp';
import { sandboxTasks, SandboxTask } from './sandbox-tasks';

interface Request {
  id: number;
  task: SandboxTask;
  input: unknown;
}

// Entry point of a sandbox process: one untrusted file at a time, answered over IPC. The
// parent kills the process when a file takes too long; libvips gets one thread, so a process
// never holds more than a core.
sharp.concurrency(1);
process.on('message', (request: Request) => {
  (sandboxTasks[request.task] as (input: unknown) => Promise<unknown>)(request.input).then(
    (result) => process.send?.({ id: request.id, result }),
    (error: Error) => process.send?.({ id: request.id, error: error.message ?? String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));

/**
 * libvips loads its PNG and WebP codecs and starts its threads on the first image: a small logo
 * normalised here makes that part of the process's loading, so a file's time limit covers only
 * the file's own work (the demo's logo took 120–260 ms first in a process, 110–130 ms after).
 */
async function warmUp(): Promise<void> {
  const tile = (background: string) =>
    sharp({ create: { width: 8, height: 8, channels: 4, background } })
      .png()
      .toBuffer();
  const logo = await sharp({ create: { width: 24, height: 8, channels: 4, background: '#ffffff' } })
    .composite([{ input: await tile('#1f6feb'), left: 8, top: 0 }])
    .png()
    .toBuffer();
  await sandboxTasks.normalizeLogo(logo);
}

// Loaded: the parent counts a file's time from here, not from the fork. A warm-up that fails
// changes nothing but the first file's time.
void warmUp()
  .catch(() => undefined)
  .then(() => process.send?.({ ready: true }));

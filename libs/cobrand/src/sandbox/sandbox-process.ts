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
// Loaded: the parent counts a file's time from here, not from the fork.
process.send?.({ ready: true });

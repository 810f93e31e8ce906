import { parentPort } from 'node:worker_threads';
import { renderTasks, RenderTasks } from './render-tasks';

interface Request {
  id: number;
  task: keyof RenderTasks;
  input: never;
}

// Entry point of a render thread: runs one task per message and answers with its bytes.
parentPort?.on('message', (request: Request) => {
  renderTasks[request.task](request.input).then(
    (bytes) => {
      const copy = bytes.buffer.byteLength === bytes.byteLength ? bytes : bytes.slice();
      parentPort?.postMessage({ id: request.id, bytes: copy }, [copy.buffer as ArrayBuffer]);
    },
    (error: Error) => parentPort?.postMessage({ id: request.id, error: error.message ?? String(error) }),
  );
});

import { normalizeLogo } from '../brand/normalize-logo';
import { inspectRaster } from '../files/inspect-image';
import { inspectPdf } from '../files/inspect-pdf';

const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** What is done with untrusted files, as functions of their bytes; run in a sandbox process or inline. */
export const sandboxTasks = {
  normalizeLogo: (bytes: Uint8Array) => normalizeLogo(asBuffer(bytes)),
  inspectRaster: (bytes: Uint8Array) => inspectRaster(asBuffer(bytes)),
  inspectPdf: (bytes: Uint8Array) => inspectPdf(asBuffer(bytes)),
};

export type SandboxTasks = typeof sandboxTasks;
export type SandboxTask = keyof SandboxTasks;
export type SandboxResult<K extends SandboxTask> = Awaited<ReturnType<SandboxTasks[K]>>;

/** Buffers cross the process boundary as plain byte arrays: made Buffers again. */
export function reviveResult<K extends SandboxTask>(task: K, result: SandboxResult<K>): SandboxResult<K> {
  if (task !== 'normalizeLogo') return result;
  const logo = result as SandboxResult<'normalizeLogo'>;
  if (!logo.ok) return result;
  return { ...logo, logo: { ...logo.logo, png: asBuffer(logo.logo.png), webp: asBuffer(logo.logo.webp) } } as SandboxResult<K>;
}

import type { Problem } from '@tcma/errors';

/** The problems the content rules collect, each at its path (a nested check's paths are prefixed with where it ran). */
export class Problems {
  readonly list: Problem[] = [];
  add(path: string, message: string, line?: number): void {
    this.list.push({ path, message, ...(line !== undefined ? { line } : {}) });
  }
  addAll(path: string, problems: Problem[]): void {
    for (const p of problems) this.list.push({ ...p, path: p.path ? `${path}.${p.path}` : path });
  }
}

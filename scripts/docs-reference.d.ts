/** Types of scripts/docs-reference.js, for the docs test. */
export function referencePages(doc?: unknown): Record<string, string>;
export function referenceSidebar(doc?: unknown): Array<{ text: string; link: string }>;
export function writeReference(): number;
export const OUT_DIR: string;

import * as fs from 'node:fs';
import * as path from 'node:path';

const FILE = path.resolve(__dirname, '../../test-results/reliability.jsonl');

/**
 * What a reliability test measured (uncertain sends, seconds without sending, rates), one
 * JSON line per scenario in test-results/reliability.jsonl: the README's reliability figures
 * come from these, not from memory. The tests' assertions are the targets; this is the record.
 */
export function recordReliability(scenario: string, measured: Record<string, number | string>): void {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.appendFileSync(FILE, `${JSON.stringify({ scenario, at: new Date().toISOString(), ...measured })}\n`);
}

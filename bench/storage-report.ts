import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from 'pg';

export interface TableStorage {
  table: string;
  rows: number;
  /** Heap, indexes and TOAST, summed over a partitioned table's partitions. */
  bytes: number;
  bytesPerRow: number;
}

/** Tables smaller than this (a few empty pages and their indexes), or with fewer than 500 rows, say nothing per row. */
const MIN_BYTES = 64 * 1024;
const MIN_ROWS = 500;

/**
 * What each table of a benchmark's database holds when it ends, and so what a row costs on
 * disk: the capacity guide's Postgres sizes come from these (docs/performance.md#capacity).
 */
export async function tableStorage(client: Client): Promise<TableStorage[]> {
  const { rows } = await client.query<{ table: string; bytes: string }>(
    `SELECT c.relname AS table,
            CASE WHEN c.relkind = 'p'
                 THEN (SELECT sum(pg_total_relation_size(t.relid)) FROM pg_partition_tree(c.oid) t)
                 ELSE pg_total_relation_size(c.oid) END::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  const sized: TableStorage[] = [];
  for (const r of rows) {
    const bytes = Number(r.bytes);
    if (bytes < MIN_BYTES) continue;
    const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${r.table}"`);
    const n = Number(counted.rows[0].n);
    if (n < MIN_ROWS) continue;
    sized.push({ table: r.table, rows: n, bytes, bytesPerRow: Math.round(bytes / n) });
  }
  return sized.sort((a, b) => b.bytes - a.bytes);
}

/** BENCH_STORAGE=<dir>: the benchmark's tables and their bytes per row, written to <dir>/<name>.json before its database goes. */
export async function reportStorage(name: string, client: Client): Promise<void> {
  const dir = process.env.BENCH_STORAGE;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(await tableStorage(client), null, 2)}\n`);
}

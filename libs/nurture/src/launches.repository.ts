import { Injectable } from '@nestjs/common';
import { LaunchEntity, LaunchStatus, queryRows } from '@tcma/persistence';
import { DataSource } from 'typeorm';

export interface LaunchStats {
  enrollments: Record<string, number>;
  sends: Record<string, number>;
}

@Injectable()
export class LaunchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(input: Omit<LaunchEntity, 'id' | 'createdAt' | 'updatedAt' | 'enrolled' | 'skippedSuppressed' | 'status' | 'partner' | 'campaign' | 'campaignVersion'>): Promise<LaunchEntity> {
    const repo = this.dataSource.getRepository(LaunchEntity);
    return repo.save(repo.create({ ...input, status: 'enrolling', enrolled: 0, skippedSuppressed: 0 }));
  }

  find(id: string): Promise<LaunchEntity | null> {
    return this.dataSource.getRepository(LaunchEntity).findOneBy({ id });
  }

  findInVendor(vendorId: string, id: string): Promise<LaunchEntity | null> {
    return this.dataSource.getRepository(LaunchEntity).findOneBy({ vendorId, id });
  }

  list(vendorId: string, partnerId: string | null, limit: number, offset: number): Promise<LaunchEntity[]> {
    return this.dataSource.getRepository(LaunchEntity).find({ where: { vendorId, ...(partnerId ? { partnerId } : {}) }, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  /** Moves a launch between states; false when it was not in one of `from` (someone else moved it). */
  async transition(id: string, from: LaunchStatus[], to: LaunchStatus): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(this.dataSource, 'UPDATE launches SET status = $3, updated_at = now() WHERE id = $1 AND status = ANY($2::text[]) RETURNING id', [id, from, to]);
    return rows.length > 0;
  }

  async recordEnrollment(id: string, enrolled: number, skippedSuppressed: number): Promise<void> {
    await this.dataSource.query('UPDATE launches SET enrolled = $2, skipped_suppressed = $3, updated_at = now() WHERE id = $1', [id, enrolled, skippedSuppressed]);
  }

  async stats(id: string): Promise<LaunchStats> {
    type Row = { status: string; n: number };
    const [enrollments, sends] = await Promise.all([
      this.dataSource.query<Row[]>('SELECT status, count(*)::int AS n FROM enrollments WHERE launch_id = $1 GROUP BY status', [id]),
      this.dataSource.query<Row[]>('SELECT status, count(*)::int AS n FROM sends WHERE launch_id = $1 GROUP BY status', [id]),
    ]);
    return { enrollments: Object.fromEntries(enrollments.map((r) => [r.status, r.n])), sends: Object.fromEntries(sends.map((r) => [r.status, r.n])) };
  }

  /** Active launches with nothing left to do become completed. */
  async completeFinished(): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE launches l SET status = 'completed', updated_at = now()
        WHERE l.status = 'active' AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.launch_id = l.id AND e.status = 'active')
        RETURNING l.id`,
    );
    return rows.length;
  }
}

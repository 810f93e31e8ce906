import { Injectable } from '@nestjs/common';
import { EnrollmentStatus, LaunchEntity, queryRows } from '@tcma/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { audienceCondition } from './audience-sql';

/** Everything a send needs, in one read. */
export interface SendContext {
  enrollmentId: string;
  status: EnrollmentStatus;
  nextStep: number;
  nextDueAt: Date | null;
  launchId: string;
  launchStatus: string;
  campaignId: string;
  campaignVersionId: string;
  vendorId: string;
  partnerId: string;
  slotValues: Record<string, string>;
  zone: string;
  prospect: {
    id: string;
    email: string;
    emailLower: string;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    title: string | null;
    country: string | null;
    custom: Record<string, string>;
  };
  suppressed: boolean;
  /** How the prospect took the previous step's email (a person's first open and click). */
  previous: { openedAt: Date | null; clickedAt: Date | null };
  /** Whether a conversion was recorded for this prospect in this launch. */
  converted: boolean;
  /** Names of the links of this sequence's emails a person clicked (judged events only). */
  clickedLinks: string[];
}

export interface DueEnrollment {
  id: string;
  step: number;
  due: Date;
}

export interface AdvanceTo {
  nextStep: number;
  nextDueAt: Date | null;
  status: EnrollmentStatus;
  queuedAt: Date | null;
  exitReason?: string | null;
}

/** Taking an enrollment out of its sequence: no next step, nothing queued. */
const exitWith = (reason: string) => `status = 'exited', exit_reason = ${reason}, next_due_at = NULL, queued_at = NULL, updated_at = now()`;

@Injectable()
export class EnrollmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The zones of a launch's audience (prospect's own, else the launch's), to compute first due times per zone. */
  async audienceZones(launch: LaunchEntity): Promise<string[]> {
    const params: unknown[] = [launch.partnerId, launch.timezone];
    const where = audienceCondition(launch.audience, params);
    const rows: Array<{ zone: string }> = await this.dataSource.query(`SELECT DISTINCT COALESCE(p.timezone, $2) AS zone FROM prospects p WHERE p.partner_id = $1 AND ${where}`, params);
    return rows.map((r) => r.zone);
  }

  /**
   * Splits a partner's prospects into id ranges of about `size` each: the returned ids are
   * the inclusive upper bounds of every range but the last, which is open. Ordered as
   * numbers (by row number): ids as text would put 100000 before 20000.
   */
  async chunkBounds(partnerId: string, size: number): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      'SELECT t.id::text AS id FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM prospects WHERE partner_id = $1) t WHERE t.rn % $2 = 0 ORDER BY t.rn',
      [partnerId, size],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Enrolls the launch's audience among prospects with ids in (afterId, upToId], in one
   * statement, each first step due at the time of its zone. Suppressed addresses are left
   * out; enrolling twice is harmless.
   */
  async enrollRange(launch: LaunchEntity, afterId: string, upToId: string | null, dues: Map<string, Date>): Promise<{ scanned: number; eligible: number; inserted: number }> {
    const params: unknown[] = [launch.id, launch.partnerId, launch.vendorId, launch.campaignId, launch.timezone, afterId, upToId, [...dues.keys()], [...dues.values()]];
    const where = audienceCondition(launch.audience, params);
    const rows: Array<{ scanned: number; eligible: number; inserted: number }> = await this.dataSource.query(
      `WITH batch AS (
         SELECT p.id, p.email_lower, COALESCE(p.timezone, $5) AS zone FROM prospects p
          WHERE p.partner_id = $2 AND p.id > $6 AND ($7::bigint IS NULL OR p.id <= $7::bigint) AND ${where}
       ), eligible AS (
         SELECT b.* FROM batch b
          WHERE NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.vendor_id = $3 AND s.email_lower = b.email_lower
                              AND (s.partner_id IS NULL OR s.partner_id = $2) AND (s.campaign_id IS NULL OR s.campaign_id = $4))
       ), inserted AS (
         INSERT INTO enrollments (launch_id, prospect_id, partner_id, vendor_id, status, next_step, next_due_at)
         SELECT $1, e.id, $2, $3, 'active', 0, d.due FROM eligible e JOIN unnest($8::text[], $9::timestamptz[]) AS d(zone, due) ON d.zone = e.zone
         ON CONFLICT (launch_id, prospect_id) DO NOTHING RETURNING 1
       )
       SELECT (SELECT count(*) FROM batch)::int AS scanned, (SELECT count(*) FROM eligible)::int AS eligible, (SELECT count(*) FROM inserted)::int AS inserted`,
      params,
    );
    return rows[0];
  }

  async countForLaunch(launchId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query('SELECT count(*)::int AS n FROM enrollments WHERE launch_id = $1', [launchId]);
    return rows[0].n;
  }

  async context(enrollmentId: string): Promise<SendContext | null> {
    return (await this.contexts([enrollmentId]))[0];
  }

  /** Send contexts of several enrollments in one read, in the order asked (null when unknown). */
  async contexts(enrollmentIds: string[]): Promise<Array<SendContext | null>> {
    const rows = await queryRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT e.id, e.status, e.next_step, e.next_due_at, e.launch_id, l.status AS launch_status, l.campaign_id, l.campaign_version_id,
              l.vendor_id, l.partner_id, l.slot_values, COALESCE(p.timezone, l.timezone) AS zone,
              p.id AS prospect_id, p.email, p.email_lower, p.first_name, p.last_name, p.company, p.title, p.country, p.custom,
              EXISTS (SELECT 1 FROM suppressions s WHERE s.vendor_id = l.vendor_id AND s.email_lower = p.email_lower
                        AND (s.partner_id IS NULL OR s.partner_id = l.partner_id) AND (s.campaign_id IS NULL OR s.campaign_id = l.campaign_id)) AS suppressed,
              ps.opened_at AS previous_opened_at, ps.clicked_at AS previous_clicked_at,
              EXISTS (SELECT 1 FROM events ev WHERE ev.launch_id = e.launch_id AND ev.prospect_id = e.prospect_id AND ev.type = 'converted') AS converted,
              ARRAY(SELECT DISTINCT ev.link_name FROM sends s2 JOIN events ev ON ev.send_id = s2.id AND ev.type IN ('opened', 'clicked')
                     WHERE s2.enrollment_id = e.id AND ev.type = 'clicked' AND ev.link_name IS NOT NULL AND ev.processed_at IS NOT NULL AND ev.machine IS NULL) AS clicked_links
         FROM enrollments e JOIN launches l ON l.id = e.launch_id JOIN prospects p ON p.id = e.prospect_id
         LEFT JOIN sends ps ON ps.enrollment_id = e.id AND ps.step = e.next_step - 1
        WHERE e.id = ANY($1::bigint[])`,
      [enrollmentIds],
    );
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    return enrollmentIds.map((id) => {
      const r = byId.get(id);
      if (!r) return null;
      return {
        enrollmentId: String(r.id),
        status: r.status as EnrollmentStatus,
        nextStep: r.next_step as number,
        nextDueAt: r.next_due_at as Date | null,
        launchId: r.launch_id as string,
        launchStatus: r.launch_status as string,
        campaignId: r.campaign_id as string,
        campaignVersionId: r.campaign_version_id as string,
        vendorId: r.vendor_id as string,
        partnerId: r.partner_id as string,
        slotValues: r.slot_values as Record<string, string>,
        zone: r.zone as string,
        prospect: {
          id: String(r.prospect_id),
          email: r.email as string,
          emailLower: r.email_lower as string,
          firstName: r.first_name as string | null,
          lastName: r.last_name as string | null,
          company: r.company as string | null,
          title: r.title as string | null,
          country: r.country as string | null,
          custom: r.custom as Record<string, string>,
        },
        suppressed: r.suppressed as boolean,
        previous: { openedAt: r.previous_opened_at as Date | null, clickedAt: r.previous_clicked_at as Date | null },
        converted: r.converted as boolean,
        clickedLinks: r.clicked_links as string[],
      };
    });
  }

  /**
   * Claims up to `limit` active enrollments of running launches due before `until` that are
   * not in the queue (or were queued longer than `requeueBefore` ago and are still there:
   * their job was lost). Several sweepers can run at once: locked rows are skipped.
   */
  async claimDue(now: Date, until: Date, requeueBefore: Date, limit: number): Promise<DueEnrollment[]> {
    const rows = await queryRows<{ id: string; next_step: number; next_due_at: Date }>(
      this.dataSource,
      `WITH due AS (
         SELECT e.id FROM enrollments e JOIN launches l ON l.id = e.launch_id
          WHERE e.status = 'active' AND e.next_due_at <= $2 AND l.status = 'active'
            AND (e.queued_at IS NULL OR e.queued_at < $3)
          ORDER BY e.next_due_at
          LIMIT $4
          FOR UPDATE OF e SKIP LOCKED)
       UPDATE enrollments SET queued_at = $1 FROM due WHERE enrollments.id = due.id
       RETURNING enrollments.id, enrollments.next_step, enrollments.next_due_at`,
      [now, until, requeueBefore, limit],
    );
    return rows.map((r) => ({ id: String(r.id), step: r.next_step, due: r.next_due_at }));
  }

  async markQueued(enrollmentId: string, step: number, at: Date): Promise<void> {
    await this.dataSource.query('UPDATE enrollments SET queued_at = $3 WHERE id = $1 AND next_step = $2', [enrollmentId, step, at]);
  }

  /** Takes the enrollment's next step out of the queue, at a new due time. */
  async reschedule(enrollmentId: string, step: number, due: Date): Promise<void> {
    await this.dataSource.query("UPDATE enrollments SET next_due_at = $3, queued_at = NULL, updated_at = now() WHERE id = $1 AND next_step = $2 AND status = 'active'", [enrollmentId, step, due]);
  }

  /** Leaves the step for the sweep to queue again (a paused launch, say). */
  async unqueue(enrollmentId: string): Promise<void> {
    await this.dataSource.query('UPDATE enrollments SET queued_at = NULL WHERE id = $1', [enrollmentId]);
  }

  /** Moves past `fromStep` (only if still there: a second worker finds nothing to move). */
  async advance(enrollmentId: string, fromStep: number, to: AdvanceTo, sentAt: Date | null, tx?: EntityManager): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      tx ?? this.dataSource,
      `UPDATE enrollments SET next_step = $3, next_due_at = $4, status = $5, queued_at = $6, exit_reason = $7, last_sent_at = COALESCE($8, last_sent_at), updated_at = now()
        WHERE id = $1 AND next_step = $2 AND status = 'active' RETURNING id`,
      [enrollmentId, fromStep, to.nextStep, to.nextDueAt, to.status, to.queuedAt, to.exitReason ?? null, sentAt],
    );
    return rows.length > 0;
  }

  async exit(enrollmentId: string, reason: string, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource.manager).query(`UPDATE enrollments SET ${exitWith('$2')} WHERE id = $1 AND status = 'active'`, [enrollmentId, reason]);
  }

  /** Exits every active enrollment of this prospect address at this partner (an unsubscribe). */
  async exitForAddress(vendorId: string, partnerId: string, emailLower: string, reason: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE enrollments e SET ${exitWith('$4')}
         FROM prospects p WHERE p.id = e.prospect_id AND e.vendor_id = $1 AND e.partner_id = $2 AND p.email_lower = $3 AND e.status = 'active'
       RETURNING e.id`,
      [vendorId, partnerId, emailLower, reason],
    );
    return rows.length;
  }

  /**
   * Exits the active enrollments whose sequence says "leave when this link is clicked", for
   * each (send, link name) a person clicked. Returns the enrollments that left.
   */
  async exitOnClicks(clicks: Array<{ sendId: string; linkName: string }>, tx?: EntityManager): Promise<string[]> {
    if (!clicks.length) return [];
    const rows = await queryRows<{ id: string }>(
      tx ?? this.dataSource,
      `UPDATE enrollments e SET ${exitWith("'clicked'")}
         FROM unnest($1::bigint[], $2::text[]) AS c(send_id, link_name)
         JOIN sends s ON s.id = c.send_id JOIN launches l ON l.id = s.launch_id JOIN campaign_versions v ON v.id = l.campaign_version_id
        WHERE e.id = s.enrollment_id AND e.status = 'active' AND v.content->'sequence'->'exit'->>'clickedLink' = c.link_name
       RETURNING e.id`,
      [clicks.map((c) => c.sendId), clicks.map((c) => c.linkName)],
    );
    return rows.map((r) => String(r.id));
  }

  /** Exits the prospect's active enrollments in these launches where the sequence exits on conversion. */
  async exitOnConversion(prospectId: string, launchIds: string[], tx?: EntityManager): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      tx ?? this.dataSource,
      `UPDATE enrollments e SET ${exitWith("'converted'")}
         FROM launches l JOIN campaign_versions v ON v.id = l.campaign_version_id
        WHERE l.id = e.launch_id AND e.prospect_id = $1 AND e.launch_id = ANY($2::uuid[]) AND e.status = 'active'
          AND (v.content->'sequence'->'exit'->>'converted')::boolean
       RETURNING e.id`,
      [prospectId, launchIds],
    );
    return rows.length;
  }

  /** The launches a prospect is or was enrolled in. */
  async launchesOfProspect(prospectId: string): Promise<string[]> {
    const rows = await queryRows<{ launch_id: string }>(this.dataSource, 'SELECT launch_id FROM enrollments WHERE prospect_id = $1', [prospectId]);
    return rows.map((r) => r.launch_id);
  }

  async cancelLaunch(launchId: string): Promise<number> {
    const rows = await queryRows<{ id: string }>(this.dataSource, "UPDATE enrollments SET status = 'cancelled', next_due_at = NULL, queued_at = NULL, updated_at = now() WHERE launch_id = $1 AND status = 'active' RETURNING id", [launchId]);
    return rows.length;
  }

  /** Clears queue marks of a launch's enrollments so the sweep queues them again (resume). */
  async unqueueLaunch(launchId: string): Promise<void> {
    await this.dataSource.query("UPDATE enrollments SET queued_at = NULL WHERE launch_id = $1 AND status = 'active'", [launchId]);
  }
}

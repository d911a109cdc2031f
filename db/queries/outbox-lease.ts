// The one claim both durable outboxes use (webhook deliveries, alert e-mails): due pending rows are
// leased by pushing their next attempt out, so a second worker skips them (SKIP LOCKED) and a worker
// that dies mid-send lets them come due again when the lease ends.
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "../database";

export type OutboxTable = "webhook_deliveries" | "alert_notifications";

/**
 * Lease up to `limit` due rows of `table`, oldest due first, and answer `returning` for them (in no
 * particular order). Without `now`, the database's clock decides (the queues' timestamps come from it).
 */
export async function leaseDueRows<Row extends Record<string, unknown>>(
  db: Executor,
  table: OutboxTable,
  returning: SQL,
  options: { now: Date | undefined; limit: number; leaseMs: number },
): Promise<Row[]> {
  const current = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  const name = sql.identifier(table);
  return selectRows<Row>(
    db,
    sql`update ${name} set next_attempt_at = ${current} + make_interval(secs => ${options.leaseMs / 1000})
        where id in (
          select id from ${name}
          where status = 'pending' and next_attempt_at <= ${current}
          order by next_attempt_at, id limit ${options.limit} for update skip locked)
        returning ${returning}`,
  );
}

// The audit log: append-only. There is deliberately no update or delete here.
import { and, desc, eq, lt } from "drizzle-orm";
import type { Executor } from "../database";
import { auditLog, users } from "../schema";

export interface AuditEntry {
  organisationId: string | null;
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  metadata?: Record<string, unknown>;
  sourceFingerprint?: string | null;
}

export async function appendAudit(db: Executor, entry: AuditEntry) {
  await db.insert(auditLog).values({ ...entry, metadata: entry.metadata ?? {} });
}

/** Newest first, keyset-paginated by id (stable under concurrent appends). */
export async function listAudit(db: Executor, organisationId: string, options: { before?: number; limit?: number } = {}) {
  const limit = Math.min(options.limit ?? 50, 200);
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      metadata: auditLog.metadata,
      sourceFingerprint: auditLog.sourceFingerprint,
      createdAt: auditLog.createdAt,
      actorEmail: users.email,
      actorApiKeyId: auditLog.actorApiKeyId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.organisationId, organisationId), options.before ? lt(auditLog.id, options.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

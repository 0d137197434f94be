// The audit trail: every editorial mutation writes one row in the same transaction as the change, so there is
// never a change without its record nor a record of a change that was rolled back.
import type { Tx } from "@/lib/db";

export interface AuditEntry {
  userId: number;
  action: string;
  entityType: string;
  entityId: string | number;
  before: unknown;
  after: unknown;
}

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    },
  });
}

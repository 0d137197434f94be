import "server-only";
import { getDb, type Db } from "@/lib/db";

export interface AuditRow {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  createdAt: Date;
  userEmail: string | null;
}

export async function recentAudit(limit: number, db: Db = getDb()): Promise<AuditRow[]> {
  const rows = await db.auditLog.findMany({
    orderBy: { id: "desc" },
    take: limit,
    include: { user: { select: { email: true } } },
  });
  return rows.map(({ user, userId: _userId, ...r }) => ({ ...r, userEmail: user?.email ?? null }));
}

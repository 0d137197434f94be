// The database's two shapes: the process's client, and the one a $transaction callback gets (no $connect, no
// nested $transaction). A function that only reads and writes rows takes `Db | Tx`, so it runs either way.
import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

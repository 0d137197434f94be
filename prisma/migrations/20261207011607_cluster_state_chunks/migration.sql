-- CreateTable
CREATE TABLE "ClusterStateChunk" (
    "part" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stamp" TEXT NOT NULL,
    "data" BLOB NOT NULL
);

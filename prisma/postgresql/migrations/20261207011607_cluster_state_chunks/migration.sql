-- CreateTable
CREATE TABLE "ClusterStateChunk" (
    "part" INTEGER NOT NULL,
    "stamp" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ClusterStateChunk_pkey" PRIMARY KEY ("part")
);

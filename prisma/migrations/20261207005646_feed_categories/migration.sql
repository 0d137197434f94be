-- CreateTable
CREATE TABLE "FeedCategory" (
    "feedId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    PRIMARY KEY ("feedId", "name"),
    CONSTRAINT "FeedCategory_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "Feed" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FeedCategory_name_idx" ON "FeedCategory"("name");

-- CreateTable
CREATE TABLE "FeedCategory" (
    "feedId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "FeedCategory_pkey" PRIMARY KEY ("feedId","name")
);

-- CreateIndex
CREATE INDEX "FeedCategory_name_idx" ON "FeedCategory"("name");

-- AddForeignKey
ALTER TABLE "FeedCategory" ADD CONSTRAINT "FeedCategory_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "Feed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

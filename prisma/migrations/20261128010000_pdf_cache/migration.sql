-- CreateTable
CREATE TABLE "PdfCache" (
    "key" CHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "template" VARCHAR(32) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PdfCache_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "PdfCache_lastUsedAt_idx" ON "PdfCache"("lastUsedAt");

-- An approved version's PDF is what was approved: never evicted.
ALTER TABLE "PdfCache" ADD COLUMN     "pinned" BOOLEAN NOT NULL DEFAULT false;

-- The dashboard's "approved in the last 30 days".

-- CreateIndex
CREATE INDEX "Consultation_approvedAt_idx" ON "Consultation"("approvedAt" DESC);



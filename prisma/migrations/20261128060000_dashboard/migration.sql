-- The dashboard's upcoming rounds and "my work" lists.

-- CreateIndex
CREATE INDEX "Consultation_nextRoundPlan_nextRoundDate_idx" ON "Consultation"("nextRoundPlan", "nextRoundDate");

-- CreateIndex
CREATE INDEX "Consultation_updatedById_idx" ON "Consultation"("updatedById");



-- Invitations: a one-time link to choose one's password.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "inviteExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "inviteTokenHash" CHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "User_inviteTokenHash_key" ON "User"("inviteTokenHash");



import "server-only";
import { prisma } from "@/lib/db";
import { sendMail } from "@/lib/mail/mailer";

function link(id: string): string {
  return `${(process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "")}/consultations/${id}`;
}

// Subjects carry titles, not contents: e-mail is not cleared for classified text.
async function record(id: string) {
  return prisma.consultation.findUnique({ where: { id }, select: { title: true, version: true, classification: true, createdBy: { select: { email: true, name: true } } } });
}

export async function notifyReviewRequested(id: string, reviewerIds: string[], by: string): Promise<void> {
  const [r, reviewers] = await Promise.all([record(id), prisma.user.findMany({ where: { id: { in: reviewerIds }, active: true }, select: { email: true } })]);
  if (!r) return;
  const title = r.classification === "UNCLASSIFIED" ? r.title : `a ${r.classification.toLowerCase()} record`;
  await sendMail({
    to: reviewers.map((u) => u.email),
    subject: `Review requested: ${title}`,
    text: `${by} asks you to review version ${r.version} of ${title}.\n\nOpen it in Readout: ${link(id)}\n`,
  });
}

export async function notifyDecision(id: string, decision: "APPROVED" | "CHANGES_REQUESTED" | "APPROVED_BY_ALL", by: string): Promise<void> {
  const r = await record(id);
  if (!r) return;
  const title = r.classification === "UNCLASSIFIED" ? r.title : `a ${r.classification.toLowerCase()} record`;
  const what = { APPROVED: `${by} approved`, CHANGES_REQUESTED: `${by} requested changes to`, APPROVED_BY_ALL: "Every reviewer has approved" }[decision];
  await sendMail({
    to: [r.createdBy.email],
    subject: `${decision === "CHANGES_REQUESTED" ? "Changes requested" : "Approved"}: ${title}`,
    text: `${what} version ${r.version} of ${title}.\n\nOpen it in Readout: ${link(id)}\n`,
  });
}

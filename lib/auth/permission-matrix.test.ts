import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { addComment } from "@/lib/domain/comments/comments";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { startNextRound } from "@/lib/domain/consultations/start-next-round";
import { getBriefingPdfKey } from "@/lib/domain/briefings/get-briefing-pdf";
import { submitForReview } from "@/lib/domain/review/submit-for-review";
import { listUsers } from "@/lib/domain/users/manage-users";
import { createTestUser } from "@/lib/testing/factories";
import { createTestRecord, newRoundInput, workedExample } from "@/lib/testing/record-fixtures";
import type { Classification, Role } from "@/lib/generated/prisma/enums";

// Every role × action × (own / someone else's record) × (within / above clearance), through the
// domain functions each server action and route handler calls. "allowed" means the function
// did its work (or answered with field errors); "refused" means FORBIDDEN or NOT_FOUND.

type Outcome = "allowed" | "FORBIDDEN" | "NOT_FOUND";
const ROLES: Role[] = ["VIEWER", "DRAFTER", "REVIEWER", "ADMIN"];

async function attempt(run: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await run();
    return "allowed";
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === "FORBIDDEN" || code === "NOT_FOUND" ? code : `unexpected ${String(error)}`;
  }
}

const ACTIONS: Record<string, { roles: Role[]; run: (actor: Actor, recordId: string, version: number) => Promise<unknown> }> = {
  read: { roles: ROLES, run: (a, id) => getRecord(a, id) },
  // The records here are drafts: viewers get approved briefings only.
  download: { roles: ["DRAFTER", "REVIEWER", "ADMIN"], run: (a, id) => getBriefingPdfKey(a, id, { template: "briefing-note", paper: "A4" }) },
  edit: { roles: ["DRAFTER", "ADMIN"], run: (a, id, v) => saveRecord(a, id, v, workedExample()) },
  submit: { roles: ["DRAFTER", "ADMIN"], run: (a, id, v) => submitForReview(a, id, { version: v, reviewerIds: [] }) },
  comment: { roles: ["DRAFTER", "REVIEWER", "ADMIN"], run: (a, id) => addComment(a, id, { section: "general", rowId: "", parentId: "", body: "A remark" }) },
  nextRound: { roles: ["DRAFTER", "ADMIN"], run: (a, id) => startNextRound(a, id) },
};

describe("permission matrix", () => {
  for (const role of ROLES) {
    for (const own of [true, false]) {
      for (const above of [false, true]) {
        it(`${role} on ${own ? "own" : "someone else's"} record ${above ? "above" : "within"} clearance`, async () => {
          const clearance: Classification = "RESTRICTED";
          const actor = await createTestUser({ role, clearance });
          const owner = own ? actor : await createTestUser({ role: "ADMIN", clearance: "SECRET" });
          // An own record above one's clearance cannot exist: the author's clearance bounds it.
          if (own && above) {
            await expect(createConsultation(owner, newRoundInput({ classification: "SECRET" }))).rejects.toBeTruthy();
            return;
          }
          if (own && !["DRAFTER", "ADMIN"].includes(role)) {
            await expect(createTestRecord(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
            return;
          }
          const { id } = await createTestRecord(owner, above ? "SECRET" : "RESTRICTED");
          for (const [name, action] of Object.entries(ACTIONS)) {
            const expected: Outcome = above ? (name === "read" || name === "download" || action.roles.includes(role) ? "NOT_FOUND" : "FORBIDDEN") : action.roles.includes(role) ? "allowed" : "FORBIDDEN";
            const version = (await createTestUser({ role: "ADMIN", clearance: "SECRET" }).then((admin) => getRecord(admin, id))).version;
            expect(await attempt(() => action.run(actor, id, version)), `${role} ${name}`).toBe(expected);
          }
        });
      }
    }
    it(`${role} ${role === "ADMIN" ? "may" : "may not"} manage staff accounts`, async () => {
      const actor = await createTestUser({ role });
      expect(await attempt(() => listUsers(actor))).toBe(role === "ADMIN" ? "allowed" : "FORBIDDEN");
    });
  }
});

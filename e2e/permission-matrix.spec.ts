import { expect, test, type APIRequestContext } from "@playwright/test";
import { callAction, createRound, httpOutcome, newRoundForm, outcomeOf, signedIn, type Outcome, type Rec } from "./http";
import type { E2eUser } from "./users";

// Every role × action × (own / someone else's record) × (within / above clearance), over HTTP
// against the production server: the real route handlers, and the real server actions called the way
// React calls them (POST with the action's id from the build's manifest, arguments encoded as
// React encodes them). Nothing here goes around the server; the users sign in like anyone.
// (Every route and action with other people's ids, and the table that keeps it complete:
// e2e/idor-sweep.spec.ts.)

type Role = "viewer" | "drafter" | "reviewer" | "admin";

const MAY: Record<string, Role[]> = {
  read: ["viewer", "drafter", "reviewer", "admin"],
  history: ["viewer", "drafter", "reviewer", "admin"],
  // The records are drafts: viewers download approved briefings only.
  download: ["drafter", "reviewer", "admin"],
  book: ["drafter", "reviewer", "admin"],
  edit: ["drafter", "admin"],
  submit: ["drafter", "admin"],
  nextRound: ["drafter", "admin"],
  comment: ["drafter", "reviewer", "admin"],
  decide: ["reviewer", "admin"],
  revise: ["drafter", "admin"],
};

/** What each action answers an allowed user on a draft (the request is deliberately incomplete or early). */
const ALLOWED_ANSWER: Record<string, Outcome> = { decide: "CONFLICT", revise: "CONFLICT" };

function expected(action: string, role: Role, above: boolean): Outcome {
  const may = MAY[action]?.includes(role) ?? false;
  // Reading needs no role: above clearance the record does not exist. Acting needs the role
  // first: a user who may never do something is told so, whichever record they name.
  if (above) return ["read", "history", "download", "book"].includes(action) || may ? "NOT_FOUND" : "FORBIDDEN";
  if (action === "book" && role === "viewer") return "NOT_FOUND"; // no approved round in the series
  return may ? (ALLOWED_ANSWER[action] ?? "allowed") : "FORBIDDEN";
}

async function attempt(ctx: APIRequestContext, action: string, rec: Rec): Promise<Outcome | string> {
  const page = `/consultations/${rec.id}`;
  switch (action) {
    case "read":
      return httpOutcome((await ctx.get(page)).status());
    case "history":
      return httpOutcome((await ctx.get(`${page}/history`)).status());
    case "download":
      return httpOutcome((await ctx.get(`/api/consultations/${rec.id}/pdf`)).status());
    case "book":
      return httpOutcome((await ctx.get(`/api/series/${rec.seriesId}/book`)).status());
    case "edit": // an empty record: allowed users get field errors, nothing is saved
      return outcomeOf(await callAction(ctx, `${page}/edit`, "saveRecordAction", { plain: [rec.id, rec.version, {}] }));
    case "submit": // no reviewer named: allowed users get a field error
      return outcomeOf(await callAction(ctx, page, "submitForReviewAction", { form: { id: rec.id, version: String(rec.version) } }));
    case "comment": // an empty comment: allowed users get a field error
      return outcomeOf(await callAction(ctx, page, "addCommentAction", { form: { id: rec.id, section: "general", rowId: "", parentId: "", body: "" } }));
    case "decide": // the record is a draft: allowed users hear it is not waiting for review
      return outcomeOf(await callAction(ctx, page, "decideReviewAction", { form: { id: rec.id, decision: "APPROVE", comment: "" } }));
    case "revise": // the record is not approved: allowed users hear only an approved record can be
      return outcomeOf(await callAction(ctx, page, "startRevisionAction", { form: { id: rec.id } }));
    case "nextRound": // allowed users get the next round, and are sent to its editor
      return outcomeOf(await callAction(ctx, page, "startNextRoundAction", { form: { previousId: rec.id, id: rec.id } }));
    default:
      throw new Error(action);
  }
}

const MATRIX: { who: E2eUser; role: Role; creates: boolean }[] = [
  { who: "matrixViewer", role: "viewer", creates: false },
  { who: "matrixDrafter", role: "drafter", creates: true },
  { who: "matrixReviewer", role: "reviewer", creates: false },
  { who: "matrixAdmin", role: "admin", creates: true },
];

test.describe("permission matrix over HTTP", () => {
  for (const { who, role, creates } of MATRIX) {
    test(`${role}: every action on own and others' records, within and above clearance`, async ({ baseURL }) => {
      test.setTimeout(120_000);
      const author = await signedIn(baseURL as string, "admin"); // cleared SECRET
      const actor = await signedIn(baseURL as string, who); // cleared RESTRICTED
      const stamp = `${role} ${Date.now()}`;
      const cases: { label: string; rec: Rec; above: boolean }[] = [
        { label: "someone else's, within clearance", rec: await createRound(author, `Matrix within ${stamp}`, "RESTRICTED"), above: false },
        { label: "someone else's, above clearance", rec: await createRound(author, `Matrix above ${stamp}`, "SECRET"), above: true },
      ];
      if (creates) cases.push({ label: "own, within clearance", rec: await createRound(actor, `Matrix own ${stamp}`, "RESTRICTED"), above: false });
      else {
        // A role that may not create has no own record: the create action refuses it.
        const r = await callAction(actor, "/consultations/new", "createConsultationAction", {
          form: newRoundForm(`Matrix own ${stamp}`, "RESTRICTED"),
        });
        expect(outcomeOf(r), `${role} creates`).toBe("FORBIDDEN");
      }
      // An own record above one's clearance cannot exist: the author's clearance bounds it.
      if (creates) {
        const r = await callAction(actor, "/consultations/new", "createConsultationAction", {
          form: newRoundForm(`Matrix too high ${stamp}`, "SECRET"),
        });
        expect(outcomeOf(r), `${role} creates above own clearance`).toBe("INVALID_INPUT");
      }

      const got: string[] = [];
      const want: string[] = [];
      for (const c of cases) {
        for (const action of Object.keys(MAY)) {
          want.push(`${c.label} · ${action} → ${expected(action, role, c.above)}`);
          got.push(`${c.label} · ${action} → ${await attempt(actor, action, c.rec)}`);
        }
      }
      expect(got).toEqual(want);

      // Managing staff accounts: administrators only (an empty form: field errors for them).
      const admin = outcomeOf(await callAction(actor, "/admin/users", "createUserAction", { form: { email: "", name: "", role: "", clearance: "", password: "" } }));
      expect(admin, `${role} manages accounts`).toBe(role === "admin" ? "allowed" : "FORBIDDEN");
      await Promise.all([author.dispose(), actor.dispose()]);
    });
  }
});

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { fingerprint, queryOne, userId, type Target } from "./db";
import { anonymous, callAction, createRound, newRoundForm, signedIn, type ActionAnswer, type ActionArgs, type Rec } from "./http";
import { buildActions } from "./server-actions";
import { E2E_PASSWORD, USERS, type E2eUser } from "./users";

// The IDOR sweep: every route and every server action of the build, called with ids that are not
// the caller's to reach (a record above their clearance, a record in a state or of an author they
// may not act on, another account, a comment, commitment or version of another record, a used
// invitation token, random and malformed ids), over HTTP against the production server, as the matrix users
// (all cleared RESTRICTED). Each call must be refused, a record above clearance exactly like a
// record that does not exist, and must change nothing in the database (a digest of the target's
// rows is compared before and after). Anonymous, every route goes to sign-in or answers 401.
//
// Complete by construction: the table below is keyed by what the build contains
// (.next/server/app-paths-manifest.json and the server-reference manifest), and the first test
// fails when the build has a route or action the table does not name, or the table one the build
// does not have. A new route or action cannot ship without a row saying how it is swept.

// ─── Fixtures: one set per worker, made over HTTP by the people who would make them ───────────

interface RichRec extends Rec {
  title: string;
  outcomeId: string;
  commentId: string;
}

interface Fx {
  /** SECRET drafts, in review and approved, by the (SECRET) admin: above every matrix user. */
  secretDraft: RichRec;
  secretInReview: RichRec;
  secretApproved: RichRec;
  /** RESTRICTED, by the admin: someone else's record, within clearance. */
  draft: RichRec;
  approved: RichRec;
  /** RESTRICTED, drafted and submitted by the matrix admin (who may therefore not review it), naming the approver only. */
  ownInReview: RichRec;
  /** Created SECRET, then classified RESTRICTED in version 2: its version 1 is above clearance. */
  downgraded: Rec & { v1Title: string };
  /** Text that exists only in SECRET records and versions: no answer to a matrix user may contain it. */
  secretWords: string[];
  approverId: string;
  targetId: string;
  selfId: string;
  /** A full, valid record body (what the editor would save over a target). */
  body: (title: string) => unknown;
}

const RESTRICTED_USERS = ["matrixViewer", "matrixDrafter", "matrixReviewer", "matrixAdmin"] as const;
const short: Record<string, string> = { matrixViewer: "viewer", matrixDrafter: "drafter", matrixReviewer: "reviewer", matrixAdmin: "admin (RESTRICTED)", sweepSelf: "sweepSelf" };
const MALFORMED = ["not-a-uuid", "1 OR 1=1", "00000000-0000-0000-0000-00000000000g", "x".repeat(300)] as const;

function recordBody(title: string, classification: string, commitment: string, summary: string, outcomeId: string) {
  return {
    facts: { title, roundNumber: 1, startDate: "2024-03-04", endDate: null, venueMode: "IN_PERSON", venueCity: "Paris", venueCountry: null, hostSide: null, atmosphere: "", context: "", summary, classification },
    participants: [],
    topics: [],
    outcomes: [{ id: outcomeId, type: "COMMITMENT", text: commitment, owner: `${commitment} owner`, dueDate: "2030-01-01", status: "OPEN", originId: null, isPublic: false }],
    regionalIssues: [],
    sideMeetings: [],
    references: [],
    nextRound: { plan: "NOT_DISCUSSED", city: "", country: null, date: null, note: "" },
  };
}

function expectDone(r: ActionAnswer, what: string) {
  expect(r.redirect !== null || /"done":true|"status":"saved"|"ok":"|"sent":\d/.test(r.body), `${what}: ${r.body.slice(0, 300)}`).toBe(true);
}

/** A round at version 2 with a commitment, a summary and an open comment thread. */
async function richRecord(ctx: APIRequestContext, title: string, classification: string): Promise<RichRec> {
  const rec = await createRound(ctx, title, classification);
  const outcomeId = randomUUID();
  expectDone(await callAction(ctx, `/consultations/${rec.id}/edit`, "saveRecordAction", { plain: [rec.id, 1, recordBody(title, classification, `${title} commitment`, `${title} summary`, outcomeId)] }), `save ${title}`);
  expectDone(
    await callAction(ctx, `/consultations/${rec.id}`, "addCommentAction", { form: { id: rec.id, section: "general", rowId: "", parentId: "", body: `${title} comment` } }),
    `comment on ${title}`,
  );
  const comment = await queryOne<{ id: string }>(`SELECT id FROM "Comment" WHERE "consultationId" = $1`, [rec.id]);
  return { ...rec, version: 2, title, outcomeId, commentId: comment?.id as string };
}

async function submit(ctx: APIRequestContext, rec: Rec, reviewerId: string) {
  expectDone(await callAction(ctx, `/consultations/${rec.id}`, "submitForReviewAction", { form: { id: rec.id, version: String(rec.version), reviewerIds: reviewerId } }), "submit");
}

async function approve(ctx: APIRequestContext, rec: Rec) {
  expectDone(await callAction(ctx, `/consultations/${rec.id}`, "decideReviewAction", { form: { id: rec.id, decision: "APPROVE", comment: "" } }), "approve");
}

// Signed-in contexts are kept for the worker (signing in hashes a password).
const contexts = new Map<string, Promise<APIRequestContext>>();
function as(baseURL: string, who: E2eUser | "anonymous"): Promise<APIRequestContext> {
  if (!contexts.has(who)) contexts.set(who, who === "anonymous" ? anonymous(baseURL) : signedIn(baseURL, who));
  return contexts.get(who) as Promise<APIRequestContext>;
}
test.afterAll(async () => {
  for (const ctx of contexts.values()) await (await ctx).dispose();
  contexts.clear();
});

let fixtures: Promise<Fx> | null = null;
function fx(baseURL: string): Promise<Fx> {
  fixtures ??= (async () => {
    const admin = await as(baseURL, "admin"); // SECRET
    const author = await as(baseURL, "matrixAdmin"); // RESTRICTED, may draft and review
    const approver = await as(baseURL, "sweepApprover"); // SECRET reviewer
    const approverId = await userId(USERS.sweepApprover.email);
    const stamp = `${Date.now().toString(36)}${test.info().workerIndex}`;
    const secretDraft = await richRecord(admin, `Sweep secret draft ${stamp}`, "SECRET");
    const secretInReview = await richRecord(admin, `Sweep secret in review ${stamp}`, "SECRET");
    await submit(admin, secretInReview, approverId);
    const secretApproved = await richRecord(admin, `Sweep secret approved ${stamp}`, "SECRET");
    await submit(admin, secretApproved, approverId);
    await approve(approver, secretApproved);
    const draft = await richRecord(admin, `Sweep draft ${stamp}`, "RESTRICTED");
    const approved = await richRecord(admin, `Sweep approved ${stamp}`, "RESTRICTED");
    await submit(admin, approved, approverId);
    await approve(approver, approved);
    const ownInReview = await richRecord(author, `Sweep own in review ${stamp}`, "RESTRICTED");
    await submit(author, ownInReview, approverId);
    const v1Title = `Sweep downgraded secret title ${stamp}`;
    // Its series is named apart from the SECRET title (the series stays visible once downgraded).
    const created = await callAction(admin, "/consultations/new", "createConsultationAction", { form: { ...newRoundForm(v1Title, "SECRET"), seriesName: `Sweep downgraded series ${stamp}` } });
    const downId = /\/consultations\/([0-9a-f-]{36})\/edit/.exec(created.redirect ?? "")?.[1] as string;
    expect(downId, created.body.slice(0, 200)).toBeTruthy();
    const down = { id: downId, seriesId: (await queryOne<{ s: string }>(`SELECT "seriesId" AS s FROM "Consultation" WHERE id = $1`, [downId]))?.s as string, version: 1 };
    expectDone(
      await callAction(admin, `/consultations/${down.id}/edit`, "saveRecordAction", { plain: [down.id, 1, recordBody(`Sweep downgraded ${stamp}`, "RESTRICTED", `Sweep downgraded ${stamp} commitment`, "", randomUUID())] }),
      "downgrade",
    );
    const secrets = [secretDraft, secretInReview, secretApproved];
    return {
      secretDraft,
      secretInReview,
      secretApproved,
      draft,
      approved,
      ownInReview,
      downgraded: { ...down, version: 2, v1Title },
      secretWords: [...secrets.flatMap((r) => [r.title, `${r.title} commitment`, `${r.title} comment`, `${r.title} summary`]), v1Title],
      approverId,
      targetId: await userId(USERS.sweepTarget.email),
      selfId: await userId(USERS.sweepSelf.email),
      body: (title: string) => recordBody(title, "RESTRICTED", `${title} commitment`, "", randomUUID()),
    };
  })();
  return fixtures;
}

// ─── Calls and answers ─────────────────────────────────────────────────────────────────────────

/** An answer reduced to what a caller can tell apart: `what` (status or code) and `detail` (message or page). */
interface Answer {
  what: string;
  detail: string;
  text: string;
}

/** The page without what differs per request or per id asked for (nonces, ids). */
const normalise = (body: string) =>
  body
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/nonce-[A-Za-z0-9+/=]+/g, "nonce-")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
    .replace(new RegExp(MALFORMED.map((m) => encodeURIComponent(m).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g"), "<id>");

type Call = (ctx: APIRequestContext) => Promise<Answer>;

function get(path: string): Call {
  return async (ctx) => {
    const res = await ctx.get(path, { maxRedirects: 0 });
    const status = res.status();
    if (status >= 300 && status < 400) {
      const to = new URL(res.headers().location ?? "", "http://x");
      return { what: to.pathname === "/signin" ? "signin" : `redirect ${to.pathname}`, detail: "", text: "" };
    }
    const text = await res.text();
    // What the reader can tell apart: the page's visible text (the script payloads carry
    // per-request identifiers; they are still searched for SECRET text below, through `text`).
    const visible = text.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    return { what: String(status), detail: normalise(visible), text };
  };
}

function act(path: string, name: string, args: ActionArgs): Call {
  return async (ctx) => {
    const r = await callAction(ctx, path, name, args);
    const code = /"code":"([A-Z_]+)"/.exec(r.body)?.[1];
    const message = /"message":"((?:[^"\\]|\\.)*)"/.exec(r.body)?.[1] ?? "";
    const target = r.redirect?.split(";")[0] ?? null;
    const what = code
      ? code
      : target !== null
        ? target === "/signin" || target.startsWith("/signin?callbackUrl")
          ? "signin"
          : `redirect ${target.split("?")[0]}`
        : /"fieldErrors"/.test(r.body)
          ? "fieldErrors"
          : /"done":true/.test(r.body)
            ? "done"
            : /"status":"saved"/.test(r.body)
              ? "saved"
              : /"ok":"/.test(r.body)
                ? "ok"
                : `HTTP ${r.status} ${r.body.slice(0, 160)}`;
    // Numbers in a message echo the caller's own input (a version asked for).
    return { what, detail: normalise(message).replace(/\d+/g, "<n>"), text: r.body };
  };
}

interface Case {
  name: string;
  as: E2eUser | "anonymous";
  call: Call;
  /** The answer's `what`: "404", "403", "401", "signin", "NOT_FOUND", "FORBIDDEN", "fieldErrors"… */
  want: string;
  /** What must be unchanged afterwards (digests of their rows, before and after). */
  targets: Target[];
  /** Another case (same caller) whose answer must be indistinguishable from this one's. */
  sameAs?: string;
  /** Text the answer must contain (the refusal a page shows). */
  shows?: string;
  /** The caller's own input, echoed back (a search box): not a leak. */
  echo?: string;
  /** Further text the answer must not contain (a SECRET record's link). */
  hides?: string[];
}

interface Row {
  kind: "page" | "route handler" | "server action";
  /** Which ids it takes. */
  ids: string;
  /** Which of them are out of the caller's reach, and what the refusal is. */
  outOfReach: string;
  /** Public by design, and why (its cases then check it gives nothing away). */
  public?: string;
  /** The call made without a session (not for public rows): must end at sign-in or 401, changing nothing. */
  anonymous?: (f: Fx) => Omit<Case, "name" | "as">;
  cases: (f: Fx) => Case[];
}

const rec = (r: Rec): Target => ({ record: r.id });
const none = (id: string): Target => ({ none: id });
const enc = encodeURIComponent;

/**
 * For each caller: `path(id)` of the out-of-reach target must answer `want` like the same path
 * with a random id (indistinguishable), and change nothing; and one malformed id per call.
 */
function aboveAndRandom(
  who: readonly E2eUser[],
  label: string,
  id: string,
  make: (id: string) => Call,
  want: string,
  target: Target,
  wantFor: (u: E2eUser) => string = () => want,
): Case[] {
  return who.flatMap((u) => {
    const random = randomUUID();
    const w = wantFor(u);
    return [
      { name: `${short[u]} · random id, as for ${label}`, as: u, call: make(random), want: w, targets: [none(random)] },
      { name: `${short[u]} · ${label}`, as: u, call: make(id), want: w, targets: [target], sameAs: `${short[u]} · random id, as for ${label}` },
      ...MALFORMED.slice(0, u === who[0] ? MALFORMED.length : 1).map((m, i) => ({ name: `${short[u]} · malformed id ${i + 1}, as for ${label}`, as: u, call: make(m), want: w, targets: [none(m)] })),
    ];
  });
}

const roleFirst = (may: readonly E2eUser[]) => (u: E2eUser) => (may.includes(u) ? "NOT_FOUND" : "FORBIDDEN");

// ─── The table: every route and action of the build ──────────────────────────────────────────

const USER_FORM = (userId: string) => ({ userId, role: "VIEWER", clearance: "UNCLASSIFIED" }); // no "active": disables the account
const NEW_PASSWORD = "sweep-new-password-long-enough";

const TABLE: Record<string, Row> = {
  // Pages
  "/(app)/consultations/[id]/page": {
    kind: "page",
    ids: "record id",
    outOfReach: "a record above the caller's clearance: 404, the same page as for a record that does not exist",
    anonymous: (f) => ({ call: get(`/consultations/${f.secretDraft.id}`), want: "signin", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretDraft.id, (id) => get(`/consultations/${enc(id)}`), "404", rec(f.secretDraft)),
      ...aboveAndRandom(["matrixViewer"], "SECRET approved record", f.secretApproved.id, (id) => get(`/consultations/${enc(id)}`), "404", rec(f.secretApproved)),
      { name: "viewer · someone else's RESTRICTED draft (control: readable)", as: "matrixViewer", call: get(`/consultations/${f.draft.id}`), want: "200", targets: [rec(f.draft)], shows: `${f.draft.title} summary` },
    ],
  },
  "/(app)/consultations/[id]/edit/page": {
    kind: "page",
    ids: "record id (?from is cosmetic)",
    outOfReach: "above clearance: 404 like a nonexistent record; a role that may not edit: the page refuses (no editor)",
    anonymous: (f) => ({ call: get(`/consultations/${f.secretDraft.id}/edit`), want: "signin", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretDraft.id, (id) => get(`/consultations/${enc(id)}/edit?from=previous`), "404", rec(f.secretDraft)),
      { name: "viewer · RESTRICTED draft: refused, no editor", as: "matrixViewer", call: get(`/consultations/${f.draft.id}/edit`), want: "200", targets: [rec(f.draft)], shows: "Your role may read this record but not edit it." },
      { name: "reviewer · RESTRICTED draft: refused, no editor", as: "matrixReviewer", call: get(`/consultations/${f.draft.id}/edit`), want: "200", targets: [rec(f.draft)], shows: "Your role may read this record but not edit it." },
      { name: "drafter · approved record: locked", as: "matrixDrafter", call: get(`/consultations/${f.approved.id}/edit`), want: "200", targets: [rec(f.approved)], shows: "locked for editing" },
    ],
  },
  "/(app)/consultations/[id]/history/page": {
    kind: "page",
    ids: "record id; version numbers (?a, ?b)",
    outOfReach: "a record above clearance (404 like nonexistent); a version whose snapshot is above clearance (never shown); versions that do not exist",
    anonymous: (f) => ({ call: get(`/consultations/${f.secretDraft.id}/history?a=1&b=2`), want: "signin", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretDraft.id, (id) => get(`/consultations/${enc(id)}/history?a=1&b=2`), "404", rec(f.secretDraft)),
      { name: "drafter · downgraded record, its SECRET version 1 compared", as: "matrixDrafter", call: get(`/consultations/${f.downgraded.id}/history?a=1&b=2`), want: "200", targets: [rec(f.downgraded)] },
      { name: "viewer · downgraded record, its SECRET version 1 compared", as: "matrixViewer", call: get(`/consultations/${f.downgraded.id}/history?a=1&b=2`), want: "200", targets: [rec(f.downgraded)] },
      { name: "drafter · versions that do not exist", as: "matrixDrafter", call: get(`/consultations/${f.draft.id}/history?a=99&b=-1`), want: "200", targets: [rec(f.draft)] },
      { name: "drafter · malformed versions", as: "matrixDrafter", call: get(`/consultations/${f.draft.id}/history?a=abc&b=1e9`), want: "200", targets: [rec(f.draft)] },
    ],
  },
  "/(app)/series/[id]/page": {
    kind: "page",
    ids: "series id",
    outOfReach: "a series whose every round is above clearance: 404 like a nonexistent series",
    anonymous: (f) => ({ call: get(`/series/${f.secretDraft.seriesId}`), want: "signin", targets: [{ series: f.secretDraft.seriesId }] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET series", f.secretDraft.seriesId, (id) => get(`/series/${enc(id)}`), "404", { series: f.secretDraft.seriesId }),
      { name: "viewer · RESTRICTED series (control: readable)", as: "matrixViewer", call: get(`/series/${f.draft.seriesId}`), want: "200", targets: [{ series: f.draft.seriesId }], shows: f.draft.title },
    ],
  },
  "/(app)/page": {
    kind: "page",
    ids: "none (the dashboard lists what the caller may see)",
    outOfReach: "SECRET records must not appear",
    anonymous: () => ({ call: get("/"), want: "signin", targets: [] }),
    cases: () => RESTRICTED_USERS.map((u) => ({ name: `${short[u]} · dashboard`, as: u, call: get("/"), want: "200", targets: [] })),
  },
  "/(app)/consultations/page": {
    kind: "page",
    ids: "series id (?series), search words, page cursor",
    outOfReach: "a SECRET series as filter, SECRET words searched: no SECRET record, title or series name appears",
    anonymous: (f) => ({ call: get(`/consultations?series=${f.secretDraft.seriesId}`), want: "signin", targets: [] }),
    cases: (f) =>
      RESTRICTED_USERS.flatMap((u) => [
        { name: `${short[u]} · SECRET series as filter`, as: u, call: get(`/consultations?series=${f.secretDraft.seriesId}`), want: "200", targets: [], shows: "A series you cannot see" },
        { name: `${short[u]} · SECRET title searched`, as: u, call: get(`/consultations?q=${enc(f.secretDraft.title)}`), want: "200", targets: [], echo: f.secretDraft.title, hides: [`/consultations/${f.secretDraft.id}`] },
        { name: `${short[u]} · random series, malformed cursor`, as: u, call: get(`/consultations?series=${randomUUID()}&after=${enc(MALFORMED[1])}`), want: "200", targets: [] },
      ]),
  },
  "/(app)/consultations/new/page": {
    kind: "page",
    ids: "none (offers the series the caller may see)",
    outOfReach: "a SECRET series must not be offered",
    anonymous: () => ({ call: get("/consultations/new"), want: "signin", targets: [] }),
    cases: () => RESTRICTED_USERS.map((u) => ({ name: `${short[u]} · new consultation form`, as: u, call: get("/consultations/new"), want: "200", targets: [] })),
  },
  "/(app)/commitments/page": {
    kind: "page",
    ids: "page cursor (carries an outcome id), filters",
    outOfReach: "SECRET commitments must not appear, whatever the filter or a cursor made from a SECRET outcome id",
    anonymous: () => ({ call: get("/commitments"), want: "signin", targets: [] }),
    cases: (f) =>
      RESTRICTED_USERS.flatMap((u) => [
        { name: `${short[u]} · tracker filtered by a SECRET owner`, as: u, call: get(`/commitments?owner=${enc(`${f.secretDraft.title} commitment owner`)}`), want: "200", targets: [], echo: `${f.secretDraft.title} commitment owner`, hides: [`/consultations/${f.secretDraft.id}`] },
        {
          name: `${short[u]} · cursor from a SECRET outcome`,
          as: u,
          call: get(`/commitments?after=${Buffer.from(JSON.stringify({ d: "2029-12-31", id: f.secretDraft.outcomeId })).toString("base64url")}`),
          want: "200",
          targets: [],
        },
      ]),
  },
  "/(app)/series/page": {
    kind: "page",
    ids: "none (lists the series the caller may see)",
    outOfReach: "a series of SECRET rounds only must not be listed",
    anonymous: () => ({ call: get("/series"), want: "signin", targets: [] }),
    cases: () => RESTRICTED_USERS.map((u) => ({ name: `${short[u]} · series list`, as: u, call: get("/series"), want: "200", targets: [] })),
  },
  "/(app)/admin/users/page": {
    kind: "page",
    ids: "none (lists accounts, administrators only; ?q finds by name or e-mail, ?page)",
    outOfReach: "non-administrators: refused, no account shown",
    anonymous: () => ({ call: get("/admin/users"), want: "signin", targets: [] }),
    cases: () =>
      (["matrixViewer", "matrixDrafter", "matrixReviewer"] as const).map((u) => ({
        name: `${short[u]} · staff accounts`,
        as: u,
        call: get("/admin/users"),
        want: "200",
        targets: [],
        shows: "Only administrators manage staff accounts.",
      })),
  },
  "/(app)/admin/audit/page": {
    kind: "page",
    ids: "actor e-mail filter, entry cursor (?before)",
    outOfReach: "non-administrators: refused, no entry shown; a RESTRICTED administrator sees no SECRET text (entries carry ids and actions only)",
    anonymous: () => ({ call: get("/admin/audit"), want: "signin", targets: [] }),
    cases: () => [
      ...(["matrixViewer", "matrixDrafter", "matrixReviewer"] as const).map((u) => ({
        name: `${short[u]} · audit log of another account`,
        as: u,
        call: get(`/admin/audit?actor=${enc(USERS.admin.email)}&before=999999999`),
        want: "200",
        targets: [],
        shows: "Only administrators read the audit log.",
      })),
      { name: "admin (RESTRICTED) · the SECRET admin's entries", as: "matrixAdmin", call: get(`/admin/audit?actor=${enc(USERS.admin.email)}`), want: "200", targets: [] },
    ],
  },
  "/(app)/account/page": {
    kind: "page",
    ids: "none: the caller's own account (an id in the URL is ignored)",
    outOfReach: "another account: never shown",
    anonymous: () => ({ call: get("/account"), want: "signin", targets: [] }),
    cases: (f) =>
      RESTRICTED_USERS.map((u) => ({
        name: `${short[u]} · own account, another's id in the URL`,
        as: u,
        call: get(`/account?user=${f.targetId}&id=${f.targetId}`),
        want: "200",
        targets: [{ user: f.targetId }],
        shows: USERS[u].email,
        hides: [USERS.sweepTarget.email, USERS.sweepTarget.name],
      })),
  },
  "/signin/page": {
    kind: "page",
    ids: "callbackUrl",
    outOfReach: "-",
    public: "the sign-in form itself",
    cases: () => [{ name: "anonymous · sign-in", as: "anonymous", call: get("/signin?callbackUrl=%2Fadmin%2Fusers"), want: "200", targets: [] }],
  },
  "/welcome/[token]/page": {
    kind: "page",
    ids: "invitation token",
    outOfReach: "a token that is random, malformed, used or expired: the same 'no longer works' page, no name or address",
    public: "the invited person has no account to sign in with yet: the one-time token is the credential",
    cases: () => [
      ...[randomUUID().replaceAll("-", ""), ...MALFORMED].map((t, i) => ({
        name: `anonymous · ${i === 0 ? "random" : `malformed ${i}`} token`,
        as: "anonymous" as const,
        call: get(`/welcome/${enc(t)}`),
        want: "200",
        targets: [],
        shows: "This link no longer works",
      })),
    ],
  },
  "/_not-found/page": {
    kind: "page",
    ids: "-",
    outOfReach: "-",
    public: "the framework's 404 page for unknown paths",
    cases: () => [{ name: "anonymous · unknown path", as: "anonymous", call: get("/no-such-page"), want: "404", targets: [] }],
  },
  "/_global-error/page": {
    kind: "page",
    ids: "-",
    outOfReach: "-",
    public: "the framework's error boundary; it has no URL of its own",
    cases: () => [],
  },

  // Route handlers
  "/api/consultations/[id]/pdf/route": {
    kind: "route handler",
    ids: "record id; ?version=current|approved",
    outOfReach: "above clearance (current or approved version): 404 like nonexistent; a viewer and a draft: 403; a record with no approved version: 404",
    anonymous: (f) => ({ call: get(`/api/consultations/${f.secretDraft.id}/pdf`), want: "401", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretDraft.id, (id) => get(`/api/consultations/${enc(id)}/pdf`), "404", rec(f.secretDraft)),
      ...aboveAndRandom(["matrixViewer", "matrixAdmin"], "SECRET approved version", f.secretApproved.id, (id) => get(`/api/consultations/${enc(id)}/pdf?version=approved`), "404", rec(f.secretApproved)),
      { name: "viewer · RESTRICTED draft", as: "matrixViewer", call: get(`/api/consultations/${f.draft.id}/pdf`), want: "403", targets: [rec(f.draft)] },
      { name: "viewer · RESTRICTED draft, approved version (none)", as: "matrixViewer", call: get(`/api/consultations/${f.draft.id}/pdf?version=approved`), want: "404", targets: [rec(f.draft)] },
      { name: "drafter · RESTRICTED draft (control: downloads)", as: "matrixDrafter", call: get(`/api/consultations/${f.draft.id}/pdf`), want: "200", targets: [] },
    ],
  },
  "/api/series/[id]/book/route": {
    kind: "route handler",
    ids: "series id",
    outOfReach: "a series of rounds above clearance: 404 like nonexistent; a viewer and a series with no approved round: 404",
    anonymous: (f) => ({ call: get(`/api/series/${f.secretDraft.seriesId}/book`), want: "401", targets: [{ series: f.secretDraft.seriesId }] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET series", f.secretApproved.seriesId, (id) => get(`/api/series/${enc(id)}/book`), "404", { series: f.secretApproved.seriesId }),
      { name: "viewer · RESTRICTED series, draft only", as: "matrixViewer", call: get(`/api/series/${f.draft.seriesId}/book`), want: "404", targets: [{ series: f.draft.seriesId }] },
      { name: "viewer · RESTRICTED series, approved (control: downloads)", as: "matrixViewer", call: get(`/api/series/${f.approved.seriesId}/book`), want: "200", targets: [] },
    ],
  },
  "/api/books/route": {
    kind: "route handler",
    ids: "record ids (?id=, repeated)",
    outOfReach: "any record above clearance refuses the whole book: 404 like a nonexistent one; a viewer and a draft: 404",
    anonymous: (f) => ({ call: get(`/api/books?id=${f.secretDraft.id}`), want: "401", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretApproved.id, (id) => get(`/api/books?id=${enc(id)}`), "404", rec(f.secretApproved)),
      ...aboveAndRandom(["matrixDrafter"], "SECRET record beside one within reach", f.secretDraft.id, (id) => get(`/api/books?id=${f.draft.id}&id=${enc(id)}`), "404", rec(f.secretDraft)),
      { name: "viewer · RESTRICTED draft", as: "matrixViewer", call: get(`/api/books?id=${f.draft.id}`), want: "404", targets: [rec(f.draft)] },
      { name: "viewer · RESTRICTED approved (control: downloads)", as: "matrixViewer", call: get(`/api/books?id=${f.approved.id}`), want: "200", targets: [] },
    ],
  },
  "/api/commitments/export/route": {
    kind: "route handler",
    ids: "filters (no id)",
    outOfReach: "SECRET commitments must not be exported, whatever the filter",
    anonymous: () => ({ call: get("/api/commitments/export"), want: "401", targets: [] }),
    cases: (f) =>
      RESTRICTED_USERS.flatMap((u) => [
        { name: `${short[u]} · export`, as: u, call: get("/api/commitments/export"), want: "200", targets: [] },
        { name: `${short[u]} · export filtered by a SECRET owner`, as: u, call: get(`/api/commitments/export?owner=${enc(`${f.secretDraft.title} commitment owner`)}`), want: "200", targets: [] },
      ]),
  },
  "/api/auth/[...nextauth]/route": {
    kind: "route handler",
    ids: "-",
    outOfReach: "-",
    public: "next-auth: sign-in, sign-out, CSRF token and the caller's own session",
    cases: () => [{ name: "anonymous · session", as: "anonymous", call: get("/api/auth/session"), want: "200", targets: [] }],
  },
  "/api/health/route": {
    kind: "route handler",
    ids: "-",
    outOfReach: "-",
    public: "the load balancer's probe; it says only whether the database answers",
    cases: () => [{ name: "anonymous · health", as: "anonymous", call: get("/api/health"), want: "200", targets: [] }],
  },
  "/api/ready/route": {
    kind: "route handler",
    ids: "-",
    outOfReach: "-",
    public: "the load balancer's readiness probe; it says only which of its checks (database, migrations) failed",
    cases: () => [{ name: "anonymous · ready", as: "anonymous", call: get("/api/ready"), want: "200", targets: [] }],
  },
  "/icon.svg/route": {
    kind: "route handler",
    ids: "-",
    outOfReach: "-",
    public: "the static favicon",
    cases: () => [{ name: "anonymous · icon", as: "anonymous", call: get("/icon.svg"), want: "200", targets: [] }],
  },

  // Server actions
  "app/(app)/consultations/[id]/edit/actions.ts#saveRecordAction": {
    kind: "server action",
    ids: "record id, base version",
    outOfReach: "above clearance: NOT_FOUND like nonexistent (FORBIDDEN first for roles that may not edit); a role that may not edit: FORBIDDEN",
    anonymous: (f) => ({ call: act(`/consultations/${f.secretDraft.id}/edit`, "saveRecordAction", { plain: [f.secretDraft.id, 2, f.body("Anonymous overwrite")] }), want: "UNAUTHENTICATED", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretDraft.id, (id) => act(`/consultations/${f.draft.id}/edit`, "saveRecordAction", { plain: [id, 2, f.body("Overwritten")] }), "", rec(f.secretDraft), roleFirst(["matrixDrafter", "matrixAdmin"])),
      { name: "viewer · someone else's RESTRICTED draft", as: "matrixViewer", call: act(`/consultations/${f.draft.id}/edit`, "saveRecordAction", { plain: [f.draft.id, 2, f.body("Overwritten")] }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      { name: "reviewer · someone else's RESTRICTED draft", as: "matrixReviewer", call: act(`/consultations/${f.draft.id}/edit`, "saveRecordAction", { plain: [f.draft.id, 2, f.body("Overwritten")] }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      { name: "drafter · RESTRICTED draft, empty body (control: reaches validation)", as: "matrixDrafter", call: act(`/consultations/${f.draft.id}/edit`, "saveRecordAction", { plain: [f.draft.id, 2, {}] }), want: "fieldErrors", targets: [rec(f.draft)] },
    ],
  },
  "app/(app)/consultations/[id]/review-actions.ts#submitForReviewAction": {
    kind: "server action",
    ids: "record id, version, reviewer user ids",
    outOfReach: "above clearance: NOT_FOUND like nonexistent (FORBIDDEN first for roles that may not edit); a role that may not edit: FORBIDDEN; reviewer ids that are no account or no reviewer: field errors",
    anonymous: (f) => ({ call: act(`/consultations/${f.secretDraft.id}`, "submitForReviewAction", { form: { id: f.secretDraft.id, version: "2", reviewerIds: f.approverId } }), want: "signin", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretDraft.id, (id) => act(`/consultations/${f.draft.id}`, "submitForReviewAction", { form: { id, version: "2", reviewerIds: f.approverId } }), "", rec(f.secretDraft), roleFirst(["matrixDrafter", "matrixAdmin"])),
      { name: "viewer · someone else's RESTRICTED draft", as: "matrixViewer", call: act(`/consultations/${f.draft.id}`, "submitForReviewAction", { form: { id: f.draft.id, version: "2", reviewerIds: f.approverId } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      { name: "reviewer · someone else's RESTRICTED draft", as: "matrixReviewer", call: act(`/consultations/${f.draft.id}`, "submitForReviewAction", { form: { id: f.draft.id, version: "2", reviewerIds: f.approverId } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      { name: "drafter · RESTRICTED draft, a reviewer id of no account", as: "matrixDrafter", call: act(`/consultations/${f.draft.id}`, "submitForReviewAction", { form: { id: f.draft.id, version: "2", reviewerIds: randomUUID() } }), want: "fieldErrors", targets: [rec(f.draft)] },
      { name: "drafter · RESTRICTED draft, a viewer's id as reviewer", as: "matrixDrafter", call: act(`/consultations/${f.draft.id}`, "submitForReviewAction", { form: { id: f.draft.id, version: "2", reviewerIds: f.selfId } }), want: "fieldErrors", targets: [rec(f.draft), { user: f.selfId }] },
    ],
  },
  "app/(app)/consultations/[id]/review-actions.ts#decideReviewAction": {
    kind: "server action",
    ids: "record id",
    outOfReach: "above clearance: NOT_FOUND like nonexistent (FORBIDDEN first for roles that may not review); one's own draft, or a version one was not asked to review: FORBIDDEN",
    anonymous: (f) => ({ call: act(`/consultations/${f.secretInReview.id}`, "decideReviewAction", { form: { id: f.secretInReview.id, decision: "APPROVE", comment: "" } }), want: "signin", targets: [rec(f.secretInReview)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record in review", f.secretInReview.id, (id) => act(`/consultations/${f.draft.id}`, "decideReviewAction", { form: { id, decision: "APPROVE", comment: "" } }), "", rec(f.secretInReview), roleFirst(["matrixReviewer", "matrixAdmin"])),
      { name: "admin (RESTRICTED) · the record they drafted, in review", as: "matrixAdmin", call: act(`/consultations/${f.ownInReview.id}`, "decideReviewAction", { form: { id: f.ownInReview.id, decision: "APPROVE", comment: "" } }), want: "FORBIDDEN", targets: [rec(f.ownInReview)] },
      { name: "reviewer · a record in review they were not asked to review", as: "matrixReviewer", call: act(`/consultations/${f.ownInReview.id}`, "decideReviewAction", { form: { id: f.ownInReview.id, decision: "REQUEST_CHANGES", comment: "No" } }), want: "FORBIDDEN", targets: [rec(f.ownInReview)] },
      { name: "drafter · a record in review", as: "matrixDrafter", call: act(`/consultations/${f.ownInReview.id}`, "decideReviewAction", { form: { id: f.ownInReview.id, decision: "APPROVE", comment: "" } }), want: "FORBIDDEN", targets: [rec(f.ownInReview)] },
      { name: "viewer · a record in review", as: "matrixViewer", call: act(`/consultations/${f.ownInReview.id}`, "decideReviewAction", { form: { id: f.ownInReview.id, decision: "APPROVE", comment: "" } }), want: "FORBIDDEN", targets: [rec(f.ownInReview)] },
    ],
  },
  "app/(app)/consultations/[id]/review-actions.ts#startRevisionAction": {
    kind: "server action",
    ids: "record id",
    outOfReach: "above clearance: NOT_FOUND like nonexistent (FORBIDDEN first for roles that may not edit); a role that may not edit: FORBIDDEN",
    anonymous: (f) => ({ call: act(`/consultations/${f.secretApproved.id}`, "startRevisionAction", { form: { id: f.secretApproved.id } }), want: "signin", targets: [rec(f.secretApproved)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET approved record", f.secretApproved.id, (id) => act(`/consultations/${f.draft.id}`, "startRevisionAction", { form: { id } }), "", rec(f.secretApproved), roleFirst(["matrixDrafter", "matrixAdmin"])),
      { name: "viewer · RESTRICTED approved record", as: "matrixViewer", call: act(`/consultations/${f.approved.id}`, "startRevisionAction", { form: { id: f.approved.id } }), want: "FORBIDDEN", targets: [rec(f.approved)] },
      { name: "reviewer · RESTRICTED approved record", as: "matrixReviewer", call: act(`/consultations/${f.approved.id}`, "startRevisionAction", { form: { id: f.approved.id } }), want: "FORBIDDEN", targets: [rec(f.approved)] },
      { name: "drafter · RESTRICTED draft (control: reaches the state check)", as: "matrixDrafter", call: act(`/consultations/${f.draft.id}`, "startRevisionAction", { form: { id: f.draft.id } }), want: "CONFLICT", targets: [rec(f.draft)] },
    ],
  },
  "app/(app)/consultations/[id]/actions.ts#startNextRoundAction": {
    kind: "server action",
    ids: "previous round's record id",
    outOfReach: "above clearance: NOT_FOUND like nonexistent, no round created in its series (FORBIDDEN first for roles that may not create)",
    anonymous: (f) => ({ call: act(`/consultations/${f.secretDraft.id}`, "startNextRoundAction", { form: { previousId: f.secretDraft.id } }), want: "signin", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretDraft.id, (id) => act(`/consultations/${f.draft.id}`, "startNextRoundAction", { form: { previousId: id } }), "", rec(f.secretDraft), roleFirst(["matrixDrafter", "matrixAdmin"])),
      { name: "viewer · RESTRICTED record", as: "matrixViewer", call: act(`/series/${f.draft.seriesId}`, "startNextRoundAction", { form: { previousId: f.draft.id } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      { name: "reviewer · RESTRICTED record", as: "matrixReviewer", call: act(`/series/${f.draft.seriesId}`, "startNextRoundAction", { form: { previousId: f.draft.id } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
    ],
  },
  "app/(app)/consultations/[id]/comment-actions.ts#addCommentAction": {
    kind: "server action",
    ids: "record id, parent comment id, row id",
    outOfReach: "above clearance: NOT_FOUND like nonexistent (FORBIDDEN first for viewers); a parent comment of another record: refused as input, nothing added",
    anonymous: (f) => ({ call: act(`/consultations/${f.secretDraft.id}`, "addCommentAction", { form: { id: f.secretDraft.id, section: "general", rowId: "", parentId: "", body: "Anonymous" } }), want: "signin", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretDraft.id, (id) => act(`/consultations/${f.draft.id}`, "addCommentAction", { form: { id, section: "general", rowId: "", parentId: "", body: "Sweep comment" } }), "", rec(f.secretDraft), roleFirst(["matrixDrafter", "matrixReviewer", "matrixAdmin"])),
      { name: "viewer · RESTRICTED draft", as: "matrixViewer", call: act(`/consultations/${f.draft.id}`, "addCommentAction", { form: { id: f.draft.id, section: "general", rowId: "", parentId: "", body: "Sweep comment" } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      {
        name: "reviewer · RESTRICTED draft, replying to a SECRET record's comment",
        as: "matrixReviewer",
        call: act(`/consultations/${f.draft.id}`, "addCommentAction", { form: { id: f.draft.id, section: "general", rowId: "", parentId: f.secretDraft.commentId, body: "Sweep reply" } }),
        want: "INVALID_INPUT",
        targets: [rec(f.draft), rec(f.secretDraft)],
        sameAs: "reviewer · RESTRICTED draft, replying to a random comment id",
      },
      {
        name: "reviewer · RESTRICTED draft, replying to a random comment id",
        as: "matrixReviewer",
        call: act(`/consultations/${f.draft.id}`, "addCommentAction", { form: { id: f.draft.id, section: "general", rowId: "", parentId: randomUUID(), body: "Sweep reply" } }),
        want: "INVALID_INPUT",
        targets: [rec(f.draft)],
      },
      { name: "reviewer · RESTRICTED draft, empty comment (control: reaches validation)", as: "matrixReviewer", call: act(`/consultations/${f.draft.id}`, "addCommentAction", { form: { id: f.draft.id, section: "general", rowId: "", parentId: "", body: "" } }), want: "fieldErrors", targets: [rec(f.draft)] },
    ],
  },
  "app/(app)/consultations/[id]/comment-actions.ts#resolveCommentAction": {
    kind: "server action",
    ids: "record id, comment id",
    outOfReach: "above clearance: NOT_FOUND like nonexistent (FORBIDDEN first for viewers); a comment of another record: NOT_FOUND like a random comment id",
    anonymous: (f) => ({ call: act(`/consultations/${f.secretDraft.id}`, "resolveCommentAction", { form: { id: f.secretDraft.id, commentId: f.secretDraft.commentId } }), want: "signin", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record and its comment", f.secretDraft.id, (id) => act(`/consultations/${f.draft.id}`, "resolveCommentAction", { form: { id, commentId: f.secretDraft.commentId } }), "", rec(f.secretDraft), roleFirst(["matrixDrafter", "matrixReviewer", "matrixAdmin"])),
      { name: "viewer · RESTRICTED draft's own comment", as: "matrixViewer", call: act(`/consultations/${f.draft.id}`, "resolveCommentAction", { form: { id: f.draft.id, commentId: f.draft.commentId } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      {
        name: "reviewer · RESTRICTED draft with a SECRET record's comment id",
        as: "matrixReviewer",
        call: act(`/consultations/${f.draft.id}`, "resolveCommentAction", { form: { id: f.draft.id, commentId: f.secretDraft.commentId } }),
        want: "NOT_FOUND",
        targets: [rec(f.draft), rec(f.secretDraft)],
        sameAs: "reviewer · RESTRICTED draft with a random comment id",
      },
      { name: "reviewer · RESTRICTED draft with a random comment id", as: "matrixReviewer", call: act(`/consultations/${f.draft.id}`, "resolveCommentAction", { form: { id: f.draft.id, commentId: randomUUID() } }), want: "NOT_FOUND", targets: [rec(f.draft)] },
      { name: "reviewer · RESTRICTED draft with a malformed comment id", as: "matrixReviewer", call: act(`/consultations/${f.draft.id}`, "resolveCommentAction", { form: { id: f.draft.id, commentId: MALFORMED[1] } }), want: "NOT_FOUND", targets: [rec(f.draft)] },
      {
        name: "drafter · RESTRICTED draft with another RESTRICTED record's comment id",
        as: "matrixDrafter",
        call: act(`/consultations/${f.draft.id}`, "resolveCommentAction", { form: { id: f.draft.id, commentId: f.approved.commentId } }),
        want: "NOT_FOUND",
        targets: [rec(f.draft), rec(f.approved)],
      },
    ],
  },
  "app/(app)/consultations/[id]/history/actions.ts#restoreVersionAction": {
    kind: "server action",
    ids: "record id, version number, base version",
    outOfReach: "above clearance: NOT_FOUND like nonexistent (FORBIDDEN first for roles that may not edit); a version above clearance or that does not exist: NOT_FOUND; a malformed number: INVALID_INPUT",
    anonymous: (f) => ({ call: act(`/consultations/${f.secretDraft.id}/history`, "restoreVersionAction", { form: { id: f.secretDraft.id, version: "1", baseVersion: "2" } }), want: "signin", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record", f.secretDraft.id, (id) => act(`/consultations/${f.draft.id}/history`, "restoreVersionAction", { form: { id, version: "1", baseVersion: "2" } }), "", rec(f.secretDraft), roleFirst(["matrixDrafter", "matrixAdmin"])),
      { name: "viewer · RESTRICTED draft", as: "matrixViewer", call: act(`/consultations/${f.draft.id}/history`, "restoreVersionAction", { form: { id: f.draft.id, version: "1", baseVersion: "2" } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      { name: "reviewer · RESTRICTED draft", as: "matrixReviewer", call: act(`/consultations/${f.draft.id}/history`, "restoreVersionAction", { form: { id: f.draft.id, version: "1", baseVersion: "2" } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      {
        name: "drafter · downgraded record's SECRET version 1",
        as: "matrixDrafter",
        call: act(`/consultations/${f.downgraded.id}/history`, "restoreVersionAction", { form: { id: f.downgraded.id, version: "1", baseVersion: "2" } }),
        want: "NOT_FOUND",
        targets: [rec(f.downgraded)],
        sameAs: "drafter · downgraded record's version 99",
      },
      { name: "drafter · downgraded record's version 99", as: "matrixDrafter", call: act(`/consultations/${f.downgraded.id}/history`, "restoreVersionAction", { form: { id: f.downgraded.id, version: "99", baseVersion: "2" } }), want: "NOT_FOUND", targets: [rec(f.downgraded)] },
      { name: "drafter · RESTRICTED draft, malformed version", as: "matrixDrafter", call: act(`/consultations/${f.draft.id}/history`, "restoreVersionAction", { form: { id: f.draft.id, version: "1; DROP", baseVersion: "2" } }), want: "INVALID_INPUT", targets: [rec(f.draft)] },
    ],
  },
  "app/(app)/commitments/actions.ts#updateCommitmentStatusAction": {
    kind: "server action",
    ids: "record id, outcome (commitment) id, version",
    outOfReach: "above clearance: NOT_FOUND like nonexistent (FORBIDDEN first for roles that may not edit); a commitment of another record: NOT_FOUND like a random one; a malformed outcome id: INVALID_INPUT",
    anonymous: (f) => ({ call: act("/commitments", "updateCommitmentStatusAction", { form: { consultationId: f.secretDraft.id, outcomeId: f.secretDraft.outcomeId, status: "DONE", version: "2" } }), want: "signin", targets: [rec(f.secretDraft)] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET record's commitment", f.secretDraft.id, (id) => act("/commitments", "updateCommitmentStatusAction", { form: { consultationId: id, outcomeId: f.secretDraft.outcomeId, status: "DONE", version: "2" } }), "", rec(f.secretDraft), roleFirst(["matrixDrafter", "matrixAdmin"])),
      { name: "viewer · RESTRICTED draft's commitment", as: "matrixViewer", call: act("/commitments", "updateCommitmentStatusAction", { form: { consultationId: f.draft.id, outcomeId: f.draft.outcomeId, status: "DONE", version: "2" } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      { name: "reviewer · RESTRICTED draft's commitment", as: "matrixReviewer", call: act("/commitments", "updateCommitmentStatusAction", { form: { consultationId: f.draft.id, outcomeId: f.draft.outcomeId, status: "DONE", version: "2" } }), want: "FORBIDDEN", targets: [rec(f.draft)] },
      {
        name: "drafter · RESTRICTED draft with a SECRET record's commitment id",
        as: "matrixDrafter",
        call: act("/commitments", "updateCommitmentStatusAction", { form: { consultationId: f.draft.id, outcomeId: f.secretDraft.outcomeId, status: "DONE", version: "2" } }),
        want: "NOT_FOUND",
        targets: [rec(f.draft), rec(f.secretDraft)],
        sameAs: "drafter · RESTRICTED draft with a random commitment id",
      },
      { name: "drafter · RESTRICTED draft with a random commitment id", as: "matrixDrafter", call: act("/commitments", "updateCommitmentStatusAction", { form: { consultationId: f.draft.id, outcomeId: randomUUID(), status: "DONE", version: "2" } }), want: "NOT_FOUND", targets: [rec(f.draft)] },
      { name: "drafter · RESTRICTED draft with a malformed commitment id", as: "matrixDrafter", call: act("/commitments", "updateCommitmentStatusAction", { form: { consultationId: f.draft.id, outcomeId: MALFORMED[1], status: "DONE", version: "2" } }), want: "INVALID_INPUT", targets: [rec(f.draft)] },
    ],
  },
  "app/(app)/consultations/actions.ts#createConsultationAction": {
    kind: "server action",
    ids: "series id (or 'new')",
    outOfReach: "a series of rounds above clearance: refused like a series that does not exist, no round added; roles that may not create: FORBIDDEN",
    anonymous: (f) => ({ call: act("/consultations/new", "createConsultationAction", { form: { ...newRoundForm("Anonymous round", "RESTRICTED"), seriesId: f.secretDraft.seriesId } }), want: "signin", targets: [{ series: f.secretDraft.seriesId }] }),
    cases: (f) => [
      ...aboveAndRandom(RESTRICTED_USERS, "SECRET series", f.secretDraft.seriesId, (id) => act("/consultations/new", "createConsultationAction", { form: { ...newRoundForm(`Sweep round ${id.slice(0, 8)}`, "RESTRICTED"), seriesId: id } }), "", { series: f.secretDraft.seriesId }, (u) =>
        ["matrixDrafter", "matrixAdmin"].includes(u) ? "INVALID_INPUT" : "FORBIDDEN",
      ).map((c) => (c.name.includes("malformed") && ["drafter", "admin (RESTRICTED)"].some((s) => c.name.startsWith(`${s} ·`)) ? { ...c, want: "fieldErrors" } : c)),
    ],
  },
  "app/(app)/admin/users/actions.ts#createUserAction": {
    kind: "server action",
    ids: "none (creates an account); the clearance granted",
    outOfReach: "non-administrators: FORBIDDEN, no account created; an administrator granting a clearance above their own: refused, no account",
    anonymous: () => ({ call: act("/admin/users", "createUserAction", { form: { email: "sweep-anon@test.readout", name: "Anon", role: "ADMIN", clearance: "SECRET", password: NEW_PASSWORD } }), want: "signin", targets: [{ email: "sweep-anon@test.readout" }] }),
    cases: () => {
      const email = (u: string, how: string) => `sweep-${how}-${u.replace(/\W/g, "")}-${Date.now().toString(36)}@test.readout`;
      return [
        ...(["matrixViewer", "matrixDrafter", "matrixReviewer"] as const).flatMap((u) => {
          const a = email(u, "create");
          const b = email(u, "invite");
          return [
            { name: `${short[u]} · create an administrator`, as: u, call: act("/admin/users", "createUserAction", { form: { email: a, name: "Sweep Admin", role: "ADMIN", clearance: "RESTRICTED", password: NEW_PASSWORD } }), want: "FORBIDDEN", targets: [{ email: a }] },
            { name: `${short[u]} · invite an administrator`, as: u, call: act("/admin/users", "createUserAction", { form: { email: b, name: "Sweep Admin", role: "ADMIN", clearance: "RESTRICTED", password: "" } }), want: "FORBIDDEN", targets: [{ email: b }] },
          ];
        }),
        ...["create", "invite"].map((how) => {
          const e = email("matrixAdmin", `${how}-secret`);
          return { name: `admin (RESTRICTED) · ${how} a SECRET account`, as: "matrixAdmin" as const, call: act("/admin/users", "createUserAction", { form: { email: e, name: "Sweep Secret", role: "VIEWER", clearance: "SECRET", password: how === "create" ? NEW_PASSWORD : "" } }), want: "fieldErrors", targets: [{ email: e }] };
        }),
      ];
    },
  },
  "app/(app)/admin/users/actions.ts#updateUserAction": {
    kind: "server action",
    ids: "user id",
    outOfReach: "any account for non-administrators: FORBIDDEN; an account cleared above the administrator: FORBIDDEN; random and malformed ids: NOT_FOUND",
    anonymous: (f) => ({ call: act("/admin/users", "updateUserAction", { form: USER_FORM(f.targetId) }), want: "signin", targets: [{ user: f.targetId }] }),
    cases: (f) => [
      ...(["matrixViewer", "matrixDrafter", "matrixReviewer"] as const).map((u) => ({ name: `${short[u]} · another account`, as: u, call: act("/admin/users", "updateUserAction", { form: USER_FORM(f.targetId) }), want: "FORBIDDEN", targets: [{ user: f.targetId }] })),
      ...aboveAndRandom(["matrixAdmin"], "an account cleared SECRET", f.targetId, (id) => act("/admin/users", "updateUserAction", { form: USER_FORM(id) }), "NOT_FOUND", { user: f.targetId }).map((c) =>
        (c.sameAs ? { ...c, want: "FORBIDDEN", sameAs: undefined } : c),
      ),
    ],
  },
  "app/(app)/admin/users/actions.ts#resetPasswordAction": {
    kind: "server action",
    ids: "user id",
    outOfReach: "any account for non-administrators: FORBIDDEN; an account cleared above the administrator: FORBIDDEN (else a RESTRICTED admin could sign in as a SECRET one); random and malformed ids: NOT_FOUND",
    anonymous: (f) => ({ call: act("/admin/users", "resetPasswordAction", { form: { userId: f.targetId, password: NEW_PASSWORD } }), want: "signin", targets: [{ user: f.targetId }] }),
    cases: (f) => [
      ...(["matrixViewer", "matrixDrafter", "matrixReviewer"] as const).map((u) => ({ name: `${short[u]} · another account`, as: u, call: act("/admin/users", "resetPasswordAction", { form: { userId: f.targetId, password: NEW_PASSWORD } }), want: "FORBIDDEN", targets: [{ user: f.targetId }] })),
      ...aboveAndRandom(["matrixAdmin"], "an account cleared SECRET", f.targetId, (id) => act("/admin/users", "resetPasswordAction", { form: { userId: id, password: NEW_PASSWORD } }), "NOT_FOUND", { user: f.targetId }).map((c) =>
        (c.sameAs ? { ...c, want: "FORBIDDEN", sameAs: undefined } : c),
      ),
    ],
  },
  "app/(app)/admin/users/actions.ts#resetTotpAction": {
    kind: "server action",
    ids: "user id",
    outOfReach: "any account for non-administrators: FORBIDDEN; an account cleared above the administrator: FORBIDDEN (else a RESTRICTED admin could strip a SECRET account's second factor); random and malformed ids: NOT_FOUND",
    anonymous: (f) => ({ call: act("/admin/users", "resetTotpAction", { form: { userId: f.targetId } }), want: "signin", targets: [{ user: f.targetId }] }),
    cases: (f) => [
      ...(["matrixViewer", "matrixDrafter", "matrixReviewer"] as const).map((u) => ({ name: `${short[u]} · another account`, as: u, call: act("/admin/users", "resetTotpAction", { form: { userId: f.targetId } }), want: "FORBIDDEN", targets: [{ user: f.targetId }] })),
      ...aboveAndRandom(["matrixAdmin"], "an account cleared SECRET", f.targetId, (id) => act("/admin/users", "resetTotpAction", { form: { userId: id } }), "NOT_FOUND", { user: f.targetId }).map((c) =>
        (c.sameAs ? { ...c, want: "FORBIDDEN", sameAs: undefined } : c),
      ),
    ],
  },
  // Two-step sign-in: each acts on the caller's own account only; another account's id passed along is ignored.
  // One caller per action, so that no case depends on another's order.
  "app/(app)/account/actions.ts#beginTotpSetupAction": {
    kind: "server action",
    ids: "none: the caller's own account",
    outOfReach: "another account: untouched",
    anonymous: (f) => ({ call: act("/account", "beginTotpSetupAction", { plain: [f.targetId] }), want: "signin", targets: [{ user: f.targetId }] }),
    cases: (f) => [{ name: "reviewer · with another account's id as argument", as: "matrixReviewer", call: act("/account", "beginTotpSetupAction", { plain: [f.targetId] }), want: "ok", targets: [{ user: f.targetId }] }],
  },
  "app/(app)/account/actions.ts#confirmTotpSetupAction": {
    kind: "server action",
    ids: "none: the caller's own account",
    outOfReach: "another account: untouched",
    anonymous: (f) => ({ call: act("/account", "confirmTotpSetupAction", { form: { code: "123456", userId: f.targetId } }), want: "signin", targets: [{ user: f.targetId }] }),
    cases: (f) => [{ name: "drafter · nothing being set up, another account's id in the form", as: "matrixDrafter", call: act("/account", "confirmTotpSetupAction", { form: { code: "123456", userId: f.targetId } }), want: "CONFLICT", targets: [{ user: f.targetId }] }],
  },
  "app/(app)/account/actions.ts#disableTotpAction": {
    kind: "server action",
    ids: "none: the caller's own account",
    outOfReach: "another account: untouched",
    anonymous: (f) => ({ call: act("/account", "disableTotpAction", { form: { code: "123456", userId: f.targetId } }), want: "signin", targets: [{ user: f.targetId }] }),
    cases: (f) => [{ name: "viewer · another account's id in the form", as: "matrixViewer", call: act("/account", "disableTotpAction", { form: { code: "123456", password: "x", userId: f.targetId } }), want: "CONFLICT", targets: [{ user: f.targetId }] }],
  },
  "app/(app)/session-actions.ts#signOutEverywhereAction": {
    kind: "server action",
    ids: "none: acts on the caller's own sessions; an id passed as an argument is ignored",
    outOfReach: "another account's sessions: untouched",
    anonymous: (f) => ({ call: act("/", "signOutEverywhereAction", { plain: [f.targetId] }), want: "done", targets: [{ user: f.targetId }] }),
    cases: (f) => [{ name: "sweepSelf · with another account's id as argument", as: "sweepSelf", call: act("/", "signOutEverywhereAction", { plain: [f.targetId] }), want: "done", targets: [{ user: f.targetId }] }],
  },
  "app/welcome/[token]/actions.ts#acceptInvitationAction": {
    kind: "server action",
    ids: "invitation token",
    outOfReach: "a random, malformed or used token: NOT_FOUND, alike, no password set",
    public: "the invited person has no account to sign in with yet: the one-time token is the credential",
    cases: () => {
      const random = randomUUID().replaceAll("-", "") + "abcdefgh";
      const call = (token: string) => act(`/welcome/${enc(token)}`, "acceptInvitationAction", { form: { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
      return [
        { name: "anonymous · random token", as: "anonymous", call: call(random), want: "NOT_FOUND", targets: [] },
        ...MALFORMED.map((m, i) => ({ name: `anonymous · malformed token ${i + 1}`, as: "anonymous" as const, call: call(m), want: "NOT_FOUND", targets: [], sameAs: "anonymous · random token" })),
        { name: "viewer · random token, signed in", as: "matrixViewer", call: call(random), want: "NOT_FOUND", targets: [] },
      ];
    },
  },
};

// ─── The tests ─────────────────────────────────────────────────────────────────────────────────

test.describe("IDOR sweep", () => {
  test("the table names every route and server action of the build, and nothing else", () => {
    const routes = Object.keys(JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>);
    const built = [...routes, ...buildActions()].sort();
    const listed = Object.keys(TABLE).sort();
    expect(built.filter((k) => !listed.includes(k)), "in the build, not in the sweep's table").toEqual([]);
    expect(listed.filter((k) => !built.includes(k)), "in the sweep's table, not in the build").toEqual([]);
    // Every row either is public with a reason, or says how an anonymous caller is turned away.
    expect(Object.entries(TABLE).filter(([, r]) => !r.public && !r.anonymous).map(([k]) => k), "rows with no anonymous call").toEqual([]);
    console.log(`[idor-sweep] ${routes.length} routes, ${built.length - routes.length} server actions in the build, all in the table`);
  });

  for (const [key, row] of Object.entries(TABLE)) {
    test(`${row.kind} ${key}`, async ({ baseURL }) => {
      test.setTimeout(180_000);
      const f = await fx(baseURL as string);
      const cases = row.cases(f);
      expect(cases.length > 0 || row.public !== undefined, "a non-public row needs cases").toBe(true);
      const got: string[] = [];
      const want: string[] = [];
      const answers = new Map<string, Answer>();
      const compare: [number, Case][] = [];
      for (const c of cases) {
        const ctx = c.as === "sweepSelf" ? await signedIn(baseURL as string, "sweepSelf") : await as(baseURL as string, c.as);
        const before = await Promise.all(c.targets.map(fingerprint));
        const answer = await c.call(ctx);
        const after = await Promise.all(c.targets.map(fingerprint));
        if (c.as === "sweepSelf") await ctx.dispose();
        answers.set(c.name, answer);
        const leaks = [...f.secretWords.filter((w) => !c.echo?.includes(w)), ...(c.hides ?? [])].filter((w) => answer.text.includes(w));
        want.push(`${c.name} → ${c.want}; nothing changed; nothing SECRET shown${c.shows ? `; shows “${c.shows}”` : ""}${c.sameAs ? `; same answer as “${c.sameAs}”` : ""}`);
        got.push(
          `${c.name} → ${answer.what}; ${before.join() === after.join() ? "nothing changed" : "CHANGED THE DATABASE"}; ${leaks.length ? `SHOWED ${leaks.join(", ")}` : "nothing SECRET shown"}` +
            `${c.shows ? (answer.text.includes(c.shows) ? `; shows “${c.shows}”` : `; does not show “${c.shows}”: ${answer.text.slice(0, 200)}`) : ""}`,
        );
        if (c.sameAs) compare.push([got.length - 1, c]);
      }
      // Indistinguishable: compared once every case has answered (a case may name a later one).
      for (const [i, c] of compare) {
        const answer = answers.get(c.name) as Answer;
        const same = answers.get(c.sameAs as string);
        got[i] += same && same.what === answer.what && same.detail === answer.detail ? `; same answer as “${c.sameAs}”` : `; DISTINGUISHABLE from “${c.sameAs}” (${same?.what} “${same?.detail.slice(0, 300)}” vs “${answer.detail.slice(0, 300)}”)`;
      }
      expect(got).toEqual(want);
      test.info().annotations.push({ type: "cases", description: String(cases.length) });
    });
  }

  test("anonymous: every route and action goes to sign-in or answers 401, never data, and changes nothing", async ({ baseURL }) => {
    test.setTimeout(180_000);
    const f = await fx(baseURL as string);
    const ctx = await as(baseURL as string, "anonymous");
    const got: string[] = [];
    const want: string[] = [];
    let n = 0;
    for (const [key, row] of Object.entries(TABLE)) {
      if (!row.anonymous) continue;
      const c = row.anonymous(f);
      const before = await Promise.all(c.targets.map(fingerprint));
      const answer = await c.call(ctx);
      const after = await Promise.all(c.targets.map(fingerprint));
      const leaks = f.secretWords.filter((w) => answer.text.includes(w));
      want.push(`${key} → ${c.want}; nothing changed; nothing SECRET shown`);
      got.push(`${key} → ${answer.what}; ${before.join() === after.join() ? "nothing changed" : "CHANGED THE DATABASE"}; ${leaks.length ? `SHOWED ${leaks.join(", ")}` : "nothing SECRET shown"}`);
      n++;
    }
    expect(got).toEqual(want);
    test.info().annotations.push({ type: "cases", description: String(n) });
  });

  test("an invitation token works once: used again, it is refused like a random one and changes nothing", async ({ baseURL }) => {
    const admin = await as(baseURL as string, "admin");
    const email = `sweep-invited-${Date.now().toString(36)}@test.readout`;
    const invited = await callAction(admin, "/admin/users", "createUserAction", { form: { email, name: "Ivy Invited", role: "VIEWER", clearance: "RESTRICTED", password: "" } });
    const token = /\/welcome\/([A-Za-z0-9_-]+)/.exec(invited.body)?.[1] as string;
    expect(token, invited.body.slice(0, 300)).toBeTruthy();
    const anon = await as(baseURL as string, "anonymous");
    const accept = (t: string, password: string) => act(`/welcome/${t}`, "acceptInvitationAction", { form: { token: t, password, confirm: password } })(anon);
    expect((await accept(token, NEW_PASSWORD)).what, "first use").toBe("redirect /signin");
    const before = await fingerprint({ email });
    const again = await accept(token, "another-password-long-enough");
    const random = await accept(randomUUID().replaceAll("-", "") + "abcdefgh", "another-password-long-enough");
    expect(await fingerprint({ email }), "the used link set no password").toBe(before);
    expect(again.what).toBe("NOT_FOUND");
    expect({ what: again.what, detail: again.detail }).toEqual({ what: random.what, detail: random.detail });
    const page = await get(`/welcome/${token}`)(anon);
    expect(page.text).toContain("This link no longer works");
    expect(page.text).not.toContain(email);
    // The person signs in with the password set through the link, not the later one.
    expect(E2E_PASSWORD).not.toBe(NEW_PASSWORD);
    test.info().annotations.push({ type: "cases", description: "3" });
  });
});

import { expect, request, type APIRequestContext } from "@playwright/test";
import { actionId, formReply } from "./server-actions";
import { E2E_PASSWORD, USERS, type E2eUser } from "./users";

// Signing in and calling server actions over HTTP, as a browser would: shared by the permission
// matrix and the IDOR sweep. Nothing here goes around the server.

export type Outcome = "allowed" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID_INPUT";

export interface ActionAnswer {
  status: number;
  redirect: string | null;
  body: string;
}

export type ActionArgs = { plain: unknown[] } | { form: Record<string, string> };

/** A request context signed in as `who` through the credentials form (checked against the session). */
export async function signedIn(baseURL: string, who: E2eUser): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email: USERS[who].email, password: E2E_PASSWORD, json: "true" }, maxRedirects: 0 });
  const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `${who} signed in`).toBe(USERS[who].email);
  return ctx;
}

/** A request context with no session at all. */
export function anonymous(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL });
}

/** A server action as React calls it: `args` as plain values, or [prevState, fields] for a form action. */
export async function callAction(ctx: APIRequestContext, path: string, name: string, args: ActionArgs): Promise<ActionAnswer> {
  const headers = { "Next-Action": actionId(name), Accept: "text/x-component" };
  const res =
    "plain" in args
      ? await ctx.post(path, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args.plain), maxRedirects: 0 })
      : await ctx.post(path, { headers, multipart: formReply(args.form), maxRedirects: 0 });
  return { status: res.status(), redirect: res.headers()["x-action-redirect"] ?? null, body: await res.text() };
}

/** What the server answered, read from the action's result (its error code), or its redirect. */
export function outcomeOf(r: ActionAnswer): Outcome | string {
  const code = /"code":"([A-Z_]+)"/.exec(r.body)?.[1];
  if (code === "FORBIDDEN" || code === "NOT_FOUND" || code === "CONFLICT" || code === "INVALID_INPUT") return code;
  if (code) return `unexpected code ${code}`;
  if (r.redirect && !r.redirect.startsWith("/signin")) return "allowed";
  if (r.status === 200 && /"fieldErrors"|"done":true|"status":"saved"|"ok":"/.test(r.body)) return "allowed";
  return `unexpected answer ${r.status} ${r.body.slice(0, 200)}`;
}

export const httpOutcome = (status: number): Outcome | string => ({ 200: "allowed", 403: "FORBIDDEN", 404: "NOT_FOUND" })[status] ?? `HTTP ${status}`;

export interface Rec {
  id: string;
  seriesId: string;
  version: number;
}

/** The fields of the "New consultation" form for a round in a new series of its own. */
export function newRoundForm(title: string, classification: string): Record<string, string> {
  return { seriesId: "new", seriesName: `${title} series`, format: "STRATEGIC_DIALOGUE", counterpartCountry: "FR", title, roundNumber: "1", startDate: "2024-03-04", city: "Paris", classification };
}

/** Creates a round through the create form's server action; answers with its id and series. */
export async function createRound(ctx: APIRequestContext, title: string, classification: string): Promise<Rec> {
  const r = await callAction(ctx, "/consultations/new", "createConsultationAction", { form: newRoundForm(title, classification) });
  const id = /\/consultations\/([0-9a-f-]{36})\/edit/.exec(r.redirect ?? "")?.[1];
  expect(id, `created ${title}: ${r.body.slice(0, 200)}`).toBeTruthy();
  const page = await ctx.get(`/consultations/${id}`);
  const seriesId = /\/series\/([0-9a-f-]{36})/.exec(await page.text())?.[1];
  expect(seriesId).toBeTruthy();
  return { id: id as string, seriesId: seriesId as string, version: 1 };
}

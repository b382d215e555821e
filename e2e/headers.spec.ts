import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { actionId, formReply } from "./server-actions";

// Security headers on every page (and the static ones on API responses), and pages that work
// under their Content-Security-Policy: no script refused, the page's own scripts running.
const PAGES = ["/", "/consultations", "/consultations/new", "/series", "/commitments", "/admin/users", "/admin/audit", "/consultations?q=energy"];

test("every page carries a nonce-based CSP and the security headers, and runs under them", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, "admin");
  const nonces = new Set<string>();
  for (const path of ["/signin", ...PAGES]) {
    const res = await page.goto(path);
    const h = res?.headers() ?? {};
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    nonces.add(/nonce-([^']+)/.exec(csp)?.[1] ?? "");
    expect(h["strict-transport-security"], path).toContain("max-age=");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("no-referrer");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
  expect(nonces.size).toBe(PAGES.length + 1); // a fresh nonce per response
  // The page's scripts ran: client-side navigation works.
  await page.goto("/");
  await page.getByRole("link", { name: "Commitments" }).click();
  await expect(page.getByRole("heading", { name: "Commitments", level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("API responses carry the static security headers", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["strict-transport-security"]).toContain("max-age=");
});

test("a server action posted from another site is refused; from this site it runs", async ({ page }) => {
  await signIn(page, "drafter");
  const post = (origin: string) =>
    page.request.post("/consultations/new", {
      headers: { "Next-Action": actionId("createConsultationAction"), Accept: "text/x-component", Origin: origin },
      multipart: formReply({ seriesId: "new", title: "" }),
      failOnStatusCode: false,
    });
  const own = await post(new URL(page.url()).origin);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("fieldErrors"); // it ran (and refused the empty form)
  const foreign = await post("https://evil.example");
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await foreign.text()).not.toContain("fieldErrors");
});

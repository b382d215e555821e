import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { saveRecord } from "@/lib/domain/consultations/save-record";
import { PAGE_SIZE, searchConsultations, type SearchParams } from "@/lib/domain/consultations/search-consultations";
import { createTestUser } from "@/lib/testing/factories";
import { createTestRecord, newRoundInput, workedExample } from "@/lib/testing/record-fixtures";
import { createConsultationSchema } from "@/lib/validation/consultation";

/** A word nobody else's test uses: each test searches its own records only. */
const token = () => `zq${randomUUID().replaceAll("-", "").slice(0, 10)}`;

async function recordWith(author: Awaited<ReturnType<typeof createTestUser>>, change: (d: ReturnType<typeof workedExample>) => void, classification = "UNCLASSIFIED") {
  const { id } = await createTestRecord(author, classification);
  const data = workedExample({ classification: classification as never });
  change(data);
  const saved = await saveRecord(author, id, 1, data);
  expect(saved.status).toBe("saved");
  return id;
}

const ids = async (actor: Parameters<typeof searchConsultations>[0], params: SearchParams) => (await searchConsultations(actor, params)).rows.map((r) => r.id);

describe("consultation search", () => {
  it("finds a record by a word of an outcome, a Cyrillic name and an accent-insensitive spelling, and highlights it", async () => {
    const author = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const word = token();
    const id = await recordWith(author, (d) => {
      d.outcomes[0]!.text = `Both sides will study the ${word} proposal.`;
      d.participants[0]!.name = "Сергей Лавровский";
      d.facts.venueCity = "São Tomé";
    });
    expect(await ids(author, { q: word })).toEqual([id]);
    expect(await ids(author, { q: `Лавровский ${word}` })).toEqual([id]);
    expect(await ids(author, { q: `Sao Tome ${word}` })).toEqual([id]);
    expect(await ids(author, { q: `"${word} proposal"` })).toEqual([id]);
    expect(await ids(author, { q: `${word} -proposal` })).toEqual([]);
    // English stemming: "proposals" finds "proposal".
    expect(await ids(author, { q: `${word} proposals` })).toEqual([id]);
    const found = await searchConsultations(author, { q: `${word} Islamabad` });
    expect(found.rows[0]?.snippet ?? "").toMatch(/\u0002Islamabad\u0003/);
  });

  it("combines filters: country, status, classification, topic, dates", async () => {
    const author = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const word = token();
    const a = await recordWith(author, (d) => {
      d.facts.title = `${word} alpha`;
      d.topics = d.topics.filter((t) => t.category === "ENERGY");
    });
    const b = await recordWith(author, (d) => {
      d.facts.title = `${word} beta`;
      d.facts.startDate = "2021-03-01";
      d.topics = d.topics.filter((t) => t.category === "POLITICAL");
    }, "RESTRICTED");
    expect((await ids(author, { q: word })).sort()).toEqual([a, b].sort());
    expect(await ids(author, { q: word, category: "ENERGY" })).toEqual([a]);
    expect(await ids(author, { q: word, classification: "RESTRICTED" })).toEqual([b]);
    expect(await ids(author, { q: word, to: "2022-01-01" })).toEqual([b]);
    expect(await ids(author, { q: word, from: "2022-01-01", country: "RU", status: "DRAFT" })).toEqual([a]);
    expect(await ids(author, { q: word, country: "FR" })).toEqual([]);
    expect(await ids(author, { q: word, sort: "oldest" })).toEqual([b, a]);
  });

  it("pages through without repeating or skipping a record while others are added", async () => {
    const author = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const first = await createConsultation(author, newRoundInput({ title: "Paging series start" }));
    const { seriesId } = await prisma.consultation.findUniqueOrThrow({ where: { id: first.id }, select: { seriesId: true } });
    const add = (day: string) =>
      createConsultation(author, createConsultationSchema.parse({ seriesId, title: `Paging ${day}`, roundNumber: "", startDate: day, city: "Rome", classification: "UNCLASSIFIED" }));
    for (let i = 1; i < 2 * PAGE_SIZE + 5; i++) await add(`2020-01-${String((i % 28) + 1).padStart(2, "0")}`);
    const all = await prisma.consultation.findMany({ where: { seriesId }, orderBy: [{ startDate: "desc" }, { id: "desc" }], select: { id: true } });

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await searchConsultations(author, { series: seriesId, sort: "newest", after });
      seen.push(...page.rows.map((r) => r.id));
      after = page.next ?? undefined;
      // Others keep adding rounds, newer and older, while this reader pages.
      await add("2030-01-01");
      await add("2019-12-31");
      pages++;
    } while (after && pages < 10);
    const original = all.map((r) => r.id);
    expect(seen.filter((id) => original.includes(id))).toEqual(original);
    expect(new Set(seen).size).toBe(seen.length);
    // A hand-edited cursor, or one from another order, starts again at page 1 (never an error).
    const pageOne = await ids(author, { series: seriesId, sort: "newest" });
    const oldestCursor = (await searchConsultations(author, { series: seriesId, sort: "oldest" })).next ?? undefined;
    for (const after of ["not-a-cursor", Buffer.from('{"s":"newest","k":"1; DROP","id":"x"}').toString("base64url"), oldestCursor]) {
      expect(await ids(author, { series: seriesId, sort: "newest", after })).toEqual(pageOne);
    }
  });

  it("a ranked search counts its matches on every page, as the other orders do", async () => {
    const author = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const word = token();
    const first = await createConsultation(author, newRoundInput({ title: `Counting ${word} start` }));
    const { seriesId } = await prisma.consultation.findUniqueOrThrow({ where: { id: first.id }, select: { seriesId: true } });
    for (let i = 1; i < PAGE_SIZE + 3; i++)
      await createConsultation(author, createConsultationSchema.parse({ seriesId, title: `Counting ${word} ${i}`, roundNumber: "", startDate: `2021-02-${String((i % 28) + 1).padStart(2, "0")}`, city: "Rome", classification: "UNCLASSIFIED" }));
    const ranked = await searchConsultations(author, { q: word });
    expect(ranked.sort).toBe("relevance");
    expect(ranked).toMatchObject({ count: PAGE_SIZE + 3, capped: false });
    expect(await searchConsultations(author, { q: word, sort: "newest" })).toMatchObject({ count: PAGE_SIZE + 3, capped: false });
    const second = await searchConsultations(author, { q: word, after: ranked.next ?? undefined });
    expect(second).toMatchObject({ count: PAGE_SIZE + 3, capped: false });
    expect(second.rows).toHaveLength(3);
    expect(new Set([...ranked.rows, ...second.rows].map((r) => r.id)).size).toBe(PAGE_SIZE + 3);
  });

  it("never shows, counts or matches a record above the reader's clearance", async () => {
    const author = await createTestUser({ role: "DRAFTER", clearance: "SECRET" });
    const reader = await createTestUser({ role: "VIEWER", clearance: "RESTRICTED" });
    const word = token();
    const secret = await recordWith(author, (d) => (d.facts.title = `${word} secret`), "SECRET");
    const restricted = await recordWith(author, (d) => (d.facts.title = `${word} restricted`), "RESTRICTED");
    const seen = await searchConsultations(reader, { q: word });
    expect(seen.rows.map((r) => r.id)).toEqual([restricted]);
    expect(seen.count).toBe(1);
    expect((await searchConsultations(reader, { q: `${word} secret` })).count).toBe(0);
    expect((await searchConsultations(author, { q: word })).count).toBe(2);
    expect(secret).toBeTruthy();
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createConsultationSchema } from "@/lib/validation/consultation";
import { parseEnv } from "@/lib/env";

const valid = {
  seriesId: "new",
  seriesName: "Pakistan–Russia BPC",
  format: "BILATERAL_POLITICAL_CONSULTATIONS",
  counterpartCountry: "ru",
  title: "Round 5",
  roundNumber: "5",
  startDate: "2023-06-20",
  city: "Islamabad",
  classification: "RESTRICTED",
};

function fieldErrors(value: unknown) {
  const parsed = createConsultationSchema.safeParse(value);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
}

describe("createConsultationSchema", () => {
  it("accepts a valid record and normalises the country code", () => {
    const parsed = createConsultationSchema.parse(valid);
    expect(parsed.newSeries).toEqual({ name: "Pakistan–Russia BPC", format: "BILATERAL_POLITICAL_CONSULTATIONS", counterpartCountry: "RU" });
    expect(parsed.roundNumber).toBe(5);
  });

  it.each([
    ["title", "", "Title is required"],
    ["title", "x".repeat(301), "Title must be at most 300 characters"],
    ["title", "bad\u0000byte", "Title contains an invalid character"],
    ["title", "lone \uD800 surrogate", "Title contains an invalid character"],
    ["startDate", "2023-02-30", "This date does not exist"],
    ["startDate", "20/06/2023", "Enter a date as YYYY-MM-DD"],
    ["startDate", "", "Enter the start date"],
    ["roundNumber", "0", "Enter a whole number between 1 and 999, or leave it empty"],
    ["seriesName", "", "Series name is required"],
    ["format", "TREATY", "Choose a format"],
    ["city", "   ", "City is required"],
    ["counterpartCountry", "XX", "Choose the counterpart country from the list"],
    ["classification", "TOP", "Choose a classification"],
  ])("gives %s = %j a field message", (field, value, message) => {
    expect(fieldErrors({ ...valid, [field]: value })).toEqual({ [field]: [message] });
  });

  it("refuses unknown keys and wrong types", () => {
    expect(createConsultationSchema.safeParse({ ...valid, admin: true }).success).toBe(false);
    expect(fieldErrors({ ...valid, title: 42 })).toHaveProperty("title");
  });
});

describe("parseEnv", () => {
  it("names every bad variable", () => {
    const run = () => parseEnv({ NODE_ENV: "production", PORT: "eighty", DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short" }, "server");
    expect(run).toThrow(/PORT: must be a port number/);
    expect(run).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(run).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
  });

  it("requires a database and a secret to serve, but not to build", () => {
    expect(() => parseEnv({ NODE_ENV: "production" }, "server")).toThrow(/DATABASE_URL: required/);
    expect(parseEnv({ NODE_ENV: "production" }, "build").PORT).toBe(3000);
  });
});

describe("passwords", () => {
  it("refuses short ones and commonly used ones (Mozilla's list), in any case", async () => {
    const { createUserSchema, resetPasswordSchema } = await import("@/lib/validation/user");
    const base = { email: "a@b.example", name: "A B", role: "viewer", clearance: "unclassified" };
    const error = (password: string) => createUserSchema.safeParse({ ...base, password }).error?.issues.map((i) => i.message);
    expect(error("short")).toEqual(["Password must be at least 12 characters"]);
    expect(error("qwertyuiopasdf")).toEqual(["This password is on the list of commonly used ones: choose another"]);
    expect(error("QWERTYUIOPASDF")).toEqual(["This password is on the list of commonly used ones: choose another"]);
    expect(error("xk3-vv9-zzq-plm")).toBeUndefined();
    expect(resetPasswordSchema.safeParse({ password: "passwordpassword" }).success).toBe(false);
  });
});

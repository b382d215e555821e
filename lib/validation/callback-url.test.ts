import { describe, expect, it } from "vitest";
import { safeCallback } from "@/lib/validation/callback-url";

describe("the sign-in page's callbackUrl", () => {
  it("keeps paths on this site", () => {
    expect(safeCallback("/consultations?q=caspian#top")).toBe("/consultations?q=caspian#top");
    expect(safeCallback(["/commitments", "/x"])).toBe("/commitments");
    expect(safeCallback(undefined)).toBe("/");
  });

  it("never sends anyone to another host", () => {
    for (const evil of ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example", "evil.example", "/%5Cevil.example", "\\\\evil.example", "/ /evil.example"]) {
      const to = safeCallback(evil);
      expect(new URL(to, "http://readout.invalid").origin, evil).toBe("http://readout.invalid");
      expect(to.startsWith("/") && !to.startsWith("//"), evil).toBe(true);
    }
  });
});

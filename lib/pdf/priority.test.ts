import { describe, expect, it } from "vitest";
import { rendererNice } from "@/lib/pdf/priority";

describe("rendererNice", () => {
  it("is 10 unless PDF_RENDERER_NICE says otherwise, within 0–19; a value that is not a number keeps 10", () => {
    expect([undefined, "", " ", "10", "abc", "0", "5.7", "25", "-3"].map((v) => rendererNice(v))).toEqual([10, 10, 10, 10, 10, 0, 5, 19, 0]);
  });
});

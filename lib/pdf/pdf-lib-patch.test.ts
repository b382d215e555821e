// pdf-lib as patched (patches/pdf-lib+1.17.1.patch, decision 0009 item 36): integers and names
// are read from the bytes in one go, with pdf-lib's own way kept for everything else. These
// tests parse the same tokens both ways and expect the same objects, and the parser left at the
// same place.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { PDFArray, PDFContext, PDFDocument, PDFName, PDFNumber, PDFObjectParser, PDFRef } from "pdf-lib";
import { renderBookPart } from "@/lib/pdf/render";
import { sampleBriefing } from "@/lib/pdf/warm-up";

/** The patched parser's methods: the quick ways, and pdf-lib's own kept beside them. */
type Methods = Record<"parseRawNumber" | "parseRawNumberAsString" | "parseRawInt" | "parseRawIntAsString" | "parseName" | "parseNameByCharacter", () => unknown>;
type Parser = PDFObjectParser & { bytes: { position(): { line: number; column: number; offset: number } } };

/** Parses `text` as one object, the patched way or pdf-lib's own; the object and where it stopped. */
function parse(text: string, original: boolean) {
  const parser = PDFObjectParser.forBytes(Buffer.from(text, "latin1"), PDFContext.create()) as unknown as Parser;
  if (original) {
    const methods = parser as unknown as Methods;
    methods.parseRawNumber = methods.parseRawNumberAsString;
    methods.parseRawInt = methods.parseRawIntAsString;
    methods.parseName = methods.parseNameByCharacter;
  }
  warnings.length = 0;
  try {
    const object = parser.parseObject();
    return { object: describeObject(object), position: parser.bytes.position(), warnings: [...warnings] };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}
/** pdf-lib warns of numbers too large for some readers: kept, to compare, instead of printed. */
const warnings: string[] = [];
let warn: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  warn = vi.spyOn(console, "warn").mockImplementation((message: string) => void warnings.push(message));
});
afterAll(() => warn.mockRestore());

/** Reads `text` as an integer (as the cross-reference table and object headers are read), either way. */
function parseInt(text: string, original: boolean) {
  const parser = PDFObjectParser.forBytes(Buffer.from(text, "latin1"), PDFContext.create()) as unknown as Parser;
  const methods = parser as unknown as Methods;
  try {
    const value = original ? methods.parseRawIntAsString() : methods.parseRawInt();
    return { value, position: parser.bytes.position() };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

function describeObject(o: unknown): unknown {
  if (o instanceof PDFNumber) return { number: o.asNumber(), negativeZero: Object.is(o.asNumber(), -0) };
  if (o instanceof PDFName) return { name: o.asString(), same: o === PDFName.of(o.decodeText()) };
  if (o instanceof PDFRef) return { ref: o.tag, same: o === PDFRef.of(o.objectNumber, o.generationNumber) };
  if (o instanceof PDFArray) return o.asArray().map(describeObject);
  return String(o);
}

const sign = fc.constantFrom("", "-", "+");
const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const number = fc.oneof(
  fc.tuple(sign, digits(1, 20)).map(([s, d]) => s + d),
  fc.tuple(sign, digits(0, 8), digits(0, 8)).map(([s, a, b]) => `${s}${a}.${b}`),
  fc.constantFrom("-0", "+0", "0", "-", "+", ".", "1-2", "--1", "007", "9007199254740993", "123456789012345", "1234567890123456"),
);
const nameChar = fc.oneof(
  fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+*"),
  fc.constantFrom("#20", "#2F", "#23", "\u00e9", "\u00ff", "\u0080"),
);
const name = fc.array(nameChar, { maxLength: 40 }).map((cs) => `/${cs.join("")}`);
const after = fc.constantFrom("", " ", "\n", "]", ">>", "/Next", "(s)", "%c\n", " 0 R", " 12 0 R", "\r\n");
const token = fc.oneof(number, name, fc.tuple(number, fc.constantFrom(" ", "  "), number).map(([a, s, b]) => `${a}${s}${b} R`));

describe("pdf-lib's parser, as patched", () => {
  it("reads numbers, references and names as pdf-lib's own parser does, and stops at the same place", () => {
    fc.assert(
      fc.property(token, after, (t, rest) => {
        const text = t + rest;
        expect(parse(text, false), JSON.stringify(text)).toEqual(parse(text, true));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads integers as pdf-lib's own parser does, and stops at the same place", () => {
    fc.assert(
      fc.property(fc.oneof(digits(0, 20), number), after, (t, rest) => {
        const text = t + rest;
        expect(parseInt(text, false), JSON.stringify(text)).toEqual(parseInt(text, true));
      }),
      { numRuns: 3000 },
    );
  });

  it("loads a rendered briefing note to the same objects either way", async () => {
    const bytes = await renderBookPart(sampleBriefing(), "A4");
    const proto = Object.getPrototypeOf(PDFObjectParser.prototype) as Methods; // BaseParser's
    const own = PDFObjectParser.prototype as unknown as Methods;
    const quick = { int: proto.parseRawInt, number: proto.parseRawNumber, name: own.parseName };
    const load = async () => Buffer.from(await (await PDFDocument.load(bytes, { updateMetadata: false })).save({ useObjectStreams: false }));
    const patched = await load();
    try {
      proto.parseRawInt = proto.parseRawIntAsString;
      proto.parseRawNumber = proto.parseRawNumberAsString;
      own.parseName = own.parseNameByCharacter;
      expect((await load()).equals(patched)).toBe(true);
    } finally {
      proto.parseRawInt = quick.int;
      proto.parseRawNumber = quick.number;
      own.parseName = quick.name;
    }
    expect(patched.length).toBeGreaterThan(10_000);
  });

  it("reads the same in arrays, line after line, and a name longer than the quick way takes", () => {
    const long = `/${"N".repeat(3000)}`;
    for (const text of ["[0 [600 260 -8.5 .5 +3 -0]\n/W 12 0 R]", "[1\n2\n3 0 R\n/A#42 /\u00e9t\u00e9]", `[${long} 4]`, "[/]", "[12345678901234567890 1]"]) {
      expect(parse(text, false), text.slice(0, 40)).toEqual(parse(text, true));
    }
    expect(parse(`[${long} 4]`, false)).toMatchObject({ object: [{ name: long }, { number: 4 }] });
  });

  it("gives a generation-0 reference as the one instance, whichever way it is asked for", () => {
    const a = PDFRef.of(41);
    expect(PDFRef.of(41, 0)).toBe(a);
    expect(a.tag).toBe("41 0 R");
    expect(PDFRef.of(41, 1)).not.toBe(a);
    expect(PDFRef.of(41, 1).tag).toBe("41 1 R");
    expect(PDFRef.of(70_000)).toBe(PDFRef.of(70_000, 0));
    expect(PDFRef.of(2.5).tag).toBe("2.5 0 R");
  });
});

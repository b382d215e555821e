import { readFileSync } from "node:fs";
import { create } from "fontkit";
import { BODY_FONT_FILE } from "@/lib/pdf/fonts";
const f = create(readFileSync(BODY_FONT_FILE)) as any;
for (const c of [10, 13, 32, 0x2022, 0x200a, 0x2019, 0x2013, 0x2014, 0xa0, 0x2009, 0x202f, 0x2060, 0xfeff, 0x200b, 0x200e, 0x200f, 0x061c]) console.log(c.toString(16), f.hasGlyphForCodePoint(c));

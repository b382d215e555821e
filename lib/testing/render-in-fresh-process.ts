// Renders the requests given as JSON on standard input, in order, in this fresh process, and
// prints the SHA-256 of each PDF, one per line. lib/pdf/pdf.test.ts uses it to show that what a
// process rendered before does not change the bytes of what it renders next.
import { createHash } from "node:crypto";
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const requests = JSON.parse(Buffer.concat(chunks).toString("utf8")) as RenderRequest[];
for (const req of requests) console.log(createHash("sha256").update(await renderPdf(req)).digest("hex"));

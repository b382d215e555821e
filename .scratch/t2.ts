import { writeFileSync } from "node:fs";
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";
import { sampleBriefing } from "@/lib/pdf/warm-up";
const book = Array.from({ length: 3 }, (_, i) => ({ ...sampleBriefing(), id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`, data: { ...sampleBriefing().data, facts: { ...sampleBriefing().data.facts, title: `Round ${i + 1}` } } }));
writeFileSync("/tmp/note.pdf", await renderPdf({ template: "briefing-note", paper: "A4", briefings: [sampleBriefing()] }));
writeFileSync("/tmp/book.pdf", await renderPdf({ template: "briefing-book", paper: "Letter", briefings: book, book: { title: "Book", subtitle: "", reference: "READOUT/BOOK/X" } }));

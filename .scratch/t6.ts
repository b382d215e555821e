import { writeFileSync } from "node:fs";
import { renderPdf } from "@/lib/pdf/render";
import { sampleBriefing } from "@/lib/pdf/warm-up";
writeFileSync("/tmp/pr.pdf", await renderPdf({ template: "public-readout", paper: "A4", briefings: [sampleBriefing()] }));

import "server-only";
import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import { registerFonts } from "@/lib/pdf/fonts";
import { BriefingNote, type BriefingNoteData } from "@/lib/pdf/templates/briefing-note";
import type { BriefingMeta } from "@/lib/pdf/document-meta";
import type { PaperSize } from "@/lib/pdf/templates/page-frame";

export interface RenderRequest {
  template: "briefing-note";
  paper: PaperSize;
  meta: BriefingMeta;
  data: BriefingNoteData;
}

/** The one entry point for turning a stored record into PDF bytes. */
export async function renderBriefing(request: RenderRequest): Promise<Buffer> {
  registerFonts();
  const element = createElement(BriefingNote, { data: request.data, meta: request.meta, paper: request.paper });
  // renderToBuffer's type wants a <Document> element; BriefingNote renders one.
  return renderToBuffer(element as Parameters<typeof renderToBuffer>[0]);
}

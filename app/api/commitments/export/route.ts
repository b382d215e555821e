import { stringify } from "csv-stringify";
import { Readable } from "node:stream";
import { requireApiUser, requirePermission } from "@/lib/auth/current-user";
import { EXPORT_CAP, exportCommitments, parseCommitmentFilters } from "@/lib/domain/commitments/commitments";
import { countryName } from "@/lib/countries";
import { errorResponse } from "@/lib/http";
import { label } from "@/lib/validation/vocabulary";

export const dynamic = "force-dynamic";

/** The commitments tracker's rows, with its filters, as CSV (UTF-8 with a BOM, for spreadsheets). */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser();
    requirePermission(user, "consultation:read");
    const url = new URL(request.url);
    const { filters } = parseCommitmentFilters(Object.fromEntries(url.searchParams));
    const csv = stringify({
      bom: true,
      header: true,
      // A cell starting with = + - @ would run as a formula in a spreadsheet.
      escape_formulas: true,
      columns: ["Commitment", "Owner", "Due", "Status", "Consultation", "Date", "Counterpart", "Rounds carried", "Link"],
    });
    const origin = url.origin;
    void (async () => {
      try {
        for await (const r of exportCommitments(user, filters)) {
          if (r === "capped") {
            csv.write([`The export stops at ${EXPORT_CAP.toLocaleString("en-GB")} commitments: narrow the filters for the rest.`, "", "", "", "", "", "", "", ""]);
            break;
          }
          const ok = csv.write([
            r.text,
            r.owner,
            r.dueDate ? r.dueDate.toISOString().slice(0, 10) : "",
            label(r.status),
            r.consultationTitle,
            r.startDate.toISOString().slice(0, 10),
            countryName(r.counterpartCountry),
            r.rounds,
            `${origin}/consultations/${r.consultationId}`,
          ]);
          if (!ok) await new Promise((resolve) => csv.once("drain", resolve));
        }
        csv.end();
      } catch (error) {
        csv.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    })();
    const day = new Date().toISOString().slice(0, 10);
    return new Response(Readable.toWeb(csv) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${day} commitments.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

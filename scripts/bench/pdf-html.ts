// The peer of the benchmark: the same briefing as HTML, for Chromium's page.pdf.
import { day, type Briefing } from "@/lib/pdf/briefing";

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

export function briefingHtml(briefings: Briefing[], fontDir: string): string {
  const body = briefings
    .map((b) => {
      const d = b.data;
      const f = d.facts;
      return `<section style="page-break-after:always">
<p class="k">Briefing note · ${esc(b.seriesName)}</p><h1>${esc(f.title)}</h1><p class="m">${esc(b.reference)} · version ${b.version}</p>
<table>${[["Dates", day(f.startDate)], ["Venue", `${f.venueCity}, ${b.venueCountryName ?? ""}`], ["Round", String(f.roundNumber ?? "")], ["Atmosphere", f.atmosphere], ["Context", f.context], ["Classification", f.classification]]
        .map(([k, v]) => `<tr><td class="l">${esc(k ?? "")}</td><td>${esc(v ?? "")}</td></tr>`)
        .join("")}</table>
<h2>Summary</h2><p>${esc(f.summary)}</p>
<h2>Delegations</h2><ul>${d.participants.map((p) => `<li>${esc([p.honorific, p.name, p.title, p.organisation].filter(Boolean).join(", "))}</li>`).join("")}</ul>
<h2>Topics discussed</h2><ul>${d.topics.map((t) => `<li>${esc(t.subject)}</li>`).join("")}</ul>
<h2>Outcomes</h2><table><tr><th>Type</th><th>Outcome</th><th>Owner</th><th>Due</th><th>Status</th></tr>${d.outcomes
        .map((o) => `<tr><td>${o.type}</td><td>${esc(o.text)}</td><td>${esc(o.owner)}</td><td>${o.dueDate ?? ""}</td><td>${o.status ?? ""}</td></tr>`)
        .join("")}</table>
<h2>Regional and global issues</h2>${d.regionalIssues.map((r) => `<p><b>${esc(r.region)}</b>: ${esc(r.positions)}</p>`).join("")}
<h2>Next steps</h2><p>${esc(d.nextRound.city)}</p></section>`;
    })
    .join("");
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face{font-family:"Noto Sans";src:url("file://${fontDir}/400Regular/NotoSans_400Regular.ttf")}
@font-face{font-family:"Noto Sans";font-weight:700;src:url("file://${fontDir}/700Bold/NotoSans_700Bold.ttf")}
body{font-family:"Noto Sans";font-size:10pt;line-height:1.4;color:#111}
h1{font-size:19pt;margin:0 0 4pt}h2{font-size:12pt;color:#1f3a5f;border-bottom:0.8pt solid #1f3a5f;margin:14pt 0 6pt}
.k,.m{font-size:8.5pt;color:#4b5563}table{border-collapse:collapse;width:100%}td,th{border-bottom:0.5pt solid #d1d5db;padding:3pt;vertical-align:top;text-align:left}
.l{width:130pt;color:#4b5563}tr{break-inside:avoid}
</style></head><body>${body}</body></html>`;
}

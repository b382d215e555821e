import { buttonVariants } from "@/components/ui/button";

const TEMPLATES = [
  ["briefing-note", "Briefing note"],
  ["one-page", "One-page summary"],
  ["public-readout", "Public readout"],
] as const;

const PAPERS = [
  ["A4", ""],
  ["Letter", "&paper=LETTER"],
] as const;

/**
 * Preview and download links for each template and paper size: plain links, no script needed.
 * `approved`: the version these links render is approved (the public readout exists only then).
 */
export function PdfMenu({
  base,
  approvedVersion,
  approved,
}: {
  base: string;
  approvedVersion?: number;
  approved: boolean;
}) {
  const heading = approvedVersion ? `Approved version ${approvedVersion}` : "Briefing PDFs";
  const headingId = approvedVersion ? "pdf-approved-heading" : "pdf-heading";
  const q = approvedVersion ? "&version=approved" : "";
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-line bg-white p-4 shadow-sm"
    >
      <h2 id={headingId} className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">
        {heading}
      </h2>
      <ul className="space-y-2 text-sm">
        {TEMPLATES.map(([template, name]) => (
          <li key={template} className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">{name}</span>
            {template === "public-readout" && !approved ? (
              <span className="text-muted">Once this version is approved</span>
            ) : (
              <span className="flex gap-2">
                <a
                  className={buttonVariants({ variant: "secondary", size: "sm" })}
                  href={`${base}?template=${template}${q}`}
                  target="_blank"
                  rel="noopener"
                >
                  Preview
                  <span className="sr-only">
                    {" "}
                    {name}
                    {approvedVersion ? " (approved)" : ""}
                  </span>
                </a>
                {PAPERS.map(([paper, param]) => (
                  <a
                    key={paper}
                    className={buttonVariants({ variant: "secondary", size: "sm" })}
                    href={`${base}?template=${template}${q}${param}&download=1`}
                    download
                  >
                    {paper}
                    <span className="sr-only">
                      {" "}
                      download of the {name}
                      {approvedVersion ? " (approved)" : ""}
                    </span>
                  </a>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

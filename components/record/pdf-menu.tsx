import { buttonVariants } from "@/components/ui/button";

const TEMPLATES = [
  ["briefing-note", "Briefing note"],
  ["one-page", "One-page summary"],
  ["public-readout", "Public readout"],
] as const;

/** Preview and download links for each template and paper size: plain links, no script needed. */
export function PdfMenu({ base }: { base: string }) {
  return (
    <section aria-labelledby="pdf-heading" className="rounded-lg border border-line bg-white p-4 shadow-sm">
      <h2 id="pdf-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">
        Briefing PDFs
      </h2>
      <ul className="space-y-2 text-sm">
        {TEMPLATES.map(([template, name]) => (
          <li key={template} className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">{name}</span>
            <span className="flex gap-2">
              <a className={buttonVariants({ variant: "secondary", size: "sm" })} href={`${base}?template=${template}`} target="_blank" rel="noopener">
                Preview<span className="sr-only"> {name}</span>
              </a>
              <a className={buttonVariants({ variant: "secondary", size: "sm" })} href={`${base}?template=${template}&download=1`} download>
                A4<span className="sr-only"> download of the {name}</span>
              </a>
              <a className={buttonVariants({ variant: "secondary", size: "sm" })} href={`${base}?template=${template}&paper=LETTER&download=1`} download>
                Letter<span className="sr-only"> download of the {name}</span>
              </a>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { ReactNode } from "react";

/** A data table's column headings (for server and client components alike); `lead`: a first
 * heading cell of its own (a "choose all" checkbox). */
export function TableHead({
  columns,
  dense = false,
  lead,
}: {
  columns: readonly string[];
  dense?: boolean;
  lead?: ReactNode;
}) {
  return (
    <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
      <tr>
        {lead !== undefined && (
          <th scope="col" className={`w-10 pl-4 ${dense ? "py-2" : "py-3"}`}>
            {lead}
          </th>
        )}
        {columns.map((c) => (
          <th key={c} scope="col" className={`px-4 ${dense ? "py-2" : "py-3"} font-semibold`}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

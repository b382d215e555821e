/** A data table's column headings (for server and client components alike). */
export function TableHead({
  columns,
  dense = false,
}: {
  columns: readonly string[];
  dense?: boolean;
}) {
  return (
    <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className={`px-4 ${dense ? "py-2" : "py-3"} font-semibold`}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

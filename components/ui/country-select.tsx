"use client";

import { countryOptions } from "@/lib/countries";

/**
 * A country filter: "Any" and every country by name. A client component so that its ~250
 * options come from the page's script, not from React's payload on every request (decision 0012);
 * it is still rendered into the HTML, so the form works before (and without) JavaScript.
 */
export function CountrySelect({ id, name, defaultValue, className }: { id: string; name: string; defaultValue?: string; className?: string }) {
  return (
    <select id={id} name={name} defaultValue={defaultValue ?? ""} className={className}>
      <option value="">Any</option>
      {countryOptions().map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";

// Country codes and names come from i18n-iso-countries, never from a hand-typed list.
countries.registerLocale(en);

export interface CountryOption {
  code: string;
  name: string;
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function countryName(code: string): string {
  return countries.getName(code, "en", { select: "official" }) ?? code;
}

/**
 * A country's name as a sentence reads it: the few official names that are inverted for sorting
 * ("Moldova, Republic of", "Virgin Islands, British") put back in order ("Republic of Moldova",
 * "British Virgin Islands"). Others stay as they are ("Taiwan, Province of China").
 */
export function countryPrintName(code: string): string {
  const name = countryName(code);
  const [head, tail, ...more] = name.split(", ");
  if (!head || !tail || more.length > 0) return name;
  return / of$/.test(tail) || !tail.includes(" ") ? `${tail} ${head}` : name;
}

let options: CountryOption[] | undefined;
export function countryOptions(): CountryOption[] {
  options ??= Object.entries(countries.getNames("en", { select: "official" }))
    .map(([code, name]) => ({ code, name }))
    // Not localeCompare: the browser renders this list too (components/ui/country-select.tsx),
    // and engines' collations may differ; letters without accents, by code unit, are the same everywhere.
    .map((o) => ({ ...o, key: o.name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase() }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ code, name }) => ({ code, name }));
  return options;
}

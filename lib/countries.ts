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

let options: CountryOption[] | undefined;
export function countryOptions(): CountryOption[] {
  options ??= Object.entries(countries.getNames("en", { select: "official" }))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  return options;
}

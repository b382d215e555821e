import type { z } from "zod";

/**
 * Reads a page's URL parameters against an object schema, one parameter at a time: a bad value
 * is dropped and named (so the rest of a bookmarked search still runs), an empty one ignored.
 */
export function parseUrlParams<S extends z.ZodObject>(schema: S, raw: Record<string, string | string[] | undefined>): { params: z.infer<S>; ignored: string[] } {
  const params: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const value = raw[key];
    const one = Array.isArray(value) ? value[0] : value;
    if (one === undefined || one === "") continue;
    const parsed = field.safeParse(one);
    if (!parsed.success) ignored.push(key);
    else if (parsed.data !== undefined && parsed.data !== "") params[key] = parsed.data;
  }
  return { params: params as z.infer<S>, ignored };
}

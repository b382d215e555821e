/**
 * Where to go after signing in: a path on this site only. "//x", "/\x", "/<TAB>/x" and the like
 * resolve to another host; the value is resolved against a dummy origin and refused if it leaves
 * it, or if it holds control characters or backslashes at all.
 */
export function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/")) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(v)) return "/";
  try {
    const url = new URL(v, "http://readout.invalid");
    return url.origin === "http://readout.invalid" ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}

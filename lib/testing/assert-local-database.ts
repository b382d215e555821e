const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Tests create and drop databases: never let them near a server that is not on this machine. */
export function assertLocalDatabase(url: string | undefined): string {
  if (!url) throw new Error("Tests need DATABASE_URL; run them with `npm test`, which prepares a fresh database.");
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run tests against a non-local database host (${host}).`);
  return url;
}

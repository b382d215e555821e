// Whether PostgreSQL was just seen unreachable, shared through globalThis between the app's code
// and lib/request-gate.ts (one Node.js process, but the gate is loaded outside the app's bundle).
// The gate answers pages with a 503 while it is set, checking the database again on each request.

const KEY = Symbol.for("readout.databaseUnavailableSince");
type Store = { [KEY]?: number };
const CLEAR = Symbol.for("readout.clearReadCache");

export function markDatabaseUnavailable(): void {
  (globalThis as Store)[KEY] ??= Date.now();
  // A database back from an outage (restored, failed over) may repeat snapshot numbers: pages'
  // kept reads go (lib/read-cache.ts).
  (globalThis as { [CLEAR]?: () => void })[CLEAR]?.();
}

export function markDatabaseAvailable(): void {
  delete (globalThis as Store)[KEY];
}

/** When PostgreSQL was first seen unreachable in the current outage, or undefined. */
export function databaseUnavailableSince(): number | undefined {
  return (globalThis as Store)[KEY];
}

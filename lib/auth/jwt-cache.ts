import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { LRUCache } from "lru-cache";

// next-auth derives the session key (HKDF) and decrypts the JWT on every read, and a request
// reads it twice (the request gate, then getCurrentUser): ~4 % of the server's CPU under load. A token
// is an immutable string, so what it decodes to is remembered for a minute (bounded, and never
// past the token's own expiry). Revocation does not depend on this: getCurrentUser re-checks the
// user and their session version in the database on every request.

type Cache = LRUCache<string, JWT>;
const KEY = Symbol.for("readout.jwtDecodeCache");
// Shared between the request gate and the app (loaded apart, one process).
const cache: Cache = ((globalThis as { [KEY]?: Cache })[KEY] ??= new LRUCache<string, JWT>({ max: 10_000, ttl: 60_000 }));

export async function cachedDecode(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const key = `${params.salt ?? ""}\u0000${String(params.secret)}\u0000${params.token}`;
  const hit = cache.get(key);
  if (hit && (typeof hit.exp !== "number" || hit.exp * 1000 > Date.now())) return hit;
  const token = await decode(params);
  if (token) cache.set(key, token);
  return token;
}

import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unreadable under isolatedModules */ as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** The password hash of an account that has none yet (invited): nothing verifies against it. */
export const NO_PASSWORD = "!";

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // An invited account has no password yet: take as long as a wrong password does.
  if (passwordHash === NO_PASSWORD) return (await burnPasswordCheck(password), false);
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a throwaway hash keeps the timing of "no such account" close to "wrong password".
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("readout-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}

import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { REQUEST_ID_HEADER } from "@/lib/request-gate";

/**
 * The current request's id, read from Next.js's request-scoped storage so that every log line
 * written while serving a request carries it without passing it down by hand. Outside a request
 * (scripts, tests, PDF workers, startup) there is none. Next.js exposes no public API for this;
 * see docs/decisions/0011.
 */
export function currentRequestId(): string | undefined {
  try {
    const store = workUnitAsyncStorage.getStore() as { headers?: unknown } | undefined;
    const headers = store?.headers as { get?: (name: string) => string | null } | undefined;
    return typeof headers?.get === "function" ? (headers.get(REQUEST_ID_HEADER) ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

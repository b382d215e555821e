import type { Classification, Role } from "@/lib/generated/prisma/enums";

export const CLASSIFICATIONS = ["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"] as const satisfies readonly Classification[];
export const ROLES = ["VIEWER", "DRAFTER", "REVIEWER", "ADMIN"] as const satisfies readonly Role[];

export type Permission =
  | "consultation:read"
  | "consultation:create"
  | "consultation:edit"
  | "consultation:review"
  | "consultation:download"
  /** A briefing of a version nobody approved yet (viewers get approved briefings only: SPEC). */
  | "consultation:download-draft"
  | "user:manage";

// Admins may do everything, including drafting (docs/decisions/0003-admin-may-draft.md).
const GRANTS: Record<Role, readonly Permission[]> = {
  VIEWER: ["consultation:read", "consultation:download"],
  DRAFTER: ["consultation:read", "consultation:download", "consultation:download-draft", "consultation:create", "consultation:edit"],
  REVIEWER: ["consultation:read", "consultation:download", "consultation:download-draft", "consultation:review"],
  ADMIN: ["consultation:read", "consultation:download", "consultation:download-draft", "consultation:create", "consultation:edit", "consultation:review", "user:manage"],
};

export interface Actor {
  id: string;
  role: Role;
  clearance: Classification;
  /** For messages to others ("Dana asks you to review…"); absent for system actors. */
  name?: string;
  /** An administrator who must set up two-step sign-in first (REQUIRE_ADMIN_TOTP): no account management until then. */
  needsSecondFactor?: boolean;
}

/** Whether this role must use two-step sign-in here (REQUIRE_ADMIN_TOTP=true: administrators). */
export function secondFactorRequired(role: Role): boolean {
  return role === "ADMIN" && process.env.REQUIRE_ADMIN_TOTP === "true";
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (permission === "user:manage" && actor.needsSecondFactor) return false;
  return GRANTS[actor.role].includes(permission);
}

export function classificationRank(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}

/** Classifications a user may see: their clearance and everything below it. */
export function visibleClassifications(clearance: Classification): Classification[] {
  return CLASSIFICATIONS.slice(0, classificationRank(clearance) + 1);
}

export function clearanceAllows(clearance: Classification, classification: Classification): boolean {
  return classificationRank(classification) <= classificationRank(clearance);
}

export const E2E_PASSWORD = "e2e-password-long-enough";

export const USERS = {
  admin: { email: "e2e-admin@test.readout", name: "Eve Admin", role: "admin", clearance: "secret" },
  drafter: { email: "e2e-drafter@test.readout", name: "Dmitri Drafter", role: "drafter", clearance: "restricted" },
  viewer: { email: "e2e-viewer@test.readout", name: "Vera Viewer", role: "viewer", clearance: "unclassified" },
  reviewer: { email: "e2e-reviewer@test.readout", name: "Rita Reviewer", role: "reviewer", clearance: "secret" },
} as const;

export type E2eUser = keyof typeof USERS;

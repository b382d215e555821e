export const E2E_PASSWORD = "e2e-password-long-enough";

export const USERS = {
  admin: { email: "e2e-admin@test.readout", name: "Eve Admin", role: "admin", clearance: "secret" },
  drafter: { email: "e2e-drafter@test.readout", name: "Dmitri Drafter", role: "drafter", clearance: "restricted" },
  viewer: { email: "e2e-viewer@test.readout", name: "Vera Viewer", role: "viewer", clearance: "unclassified" },
  reviewer: { email: "e2e-reviewer@test.readout", name: "Rita Reviewer", role: "reviewer", clearance: "secret" },
  // The permission matrix: one of each role, all cleared to RESTRICTED, so every role has records above it.
  matrixViewer: { email: "e2e-m-viewer@test.readout", name: "Mia Matrixviewer", role: "viewer", clearance: "restricted" },
  matrixDrafter: { email: "e2e-m-drafter@test.readout", name: "Max Matrixdrafter", role: "drafter", clearance: "restricted" },
  matrixReviewer: { email: "e2e-m-reviewer@test.readout", name: "Mo Matrixreviewer", role: "reviewer", clearance: "restricted" },
  matrixAdmin: { email: "e2e-m-admin@test.readout", name: "Meg Matrixadmin", role: "admin", clearance: "restricted" },
} as const;

export type E2eUser = keyof typeof USERS;

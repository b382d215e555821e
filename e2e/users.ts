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
  // The IDOR sweep: a reviewer it names and who approves its records; an account cleared above
  // the matrix admin, which no sweep call may change; one who signs out everywhere (only themself).
  sweepApprover: { email: "e2e-s-approver@test.readout", name: "Sol Sweepapprover", role: "reviewer", clearance: "secret" },
  sweepTarget: { email: "e2e-s-target@test.readout", name: "Tam Sweeptarget", role: "reviewer", clearance: "secret" },
  sweepSelf: { email: "e2e-s-self@test.readout", name: "Sid Sweepself", role: "viewer", clearance: "restricted" },
  // Two-step sign-in: sets it up and signs in with a code (no other test uses this account).
  twoStep: { email: "e2e-2fa@test.readout", name: "Tess Twostep", role: "drafter", clearance: "restricted" },
} as const;

export type E2eUser = keyof typeof USERS;

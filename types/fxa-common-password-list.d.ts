declare module "fxa-common-password-list" {
  /** Whether the password is on Mozilla's list of common passwords (top lists of leaked ones). */
  export function test(password: string): boolean;
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { CreateUserForm, UserRowForms } from "@/components/admin/user-forms";
import { requireUser } from "@/lib/auth/current-user";
import { CLASSIFICATIONS, ROLES, hasPermission } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/domain/users/manage-users";
import { mailEnabled } from "@/lib/mail/mailer";
import { options } from "@/lib/validation/vocabulary";
import { createUserAction, resetPasswordAction, resetTotpAction, updateUserAction } from "./actions";

export const metadata: Metadata = { title: "Staff accounts" };

export default async function UsersPage() {
  const user = await requireUser("/admin/users");
  if (user.needsSecondFactor) redirect("/account?required=1");
  if (!hasPermission(user, "user:manage")) return <Alert>Only administrators manage staff accounts.</Alert>;
  const users = await listUsers(user);
  const roles = options(ROLES);
  const clearances = options(CLASSIFICATIONS);
  return (
    <>
      <PageHeader title="Staff accounts" description="Roles, clearances and access. Changes take effect at the user's next request; disabling signs them out at once." />
      <Alert tone="info" className="mb-6">
        {mailEnabled()
          ? "E-mail notifications are on: reviewers are told when they are asked, drafters when a decision is made."
          : "E-mail notifications are off (SMTP_URL is not set). Everything works; people see what waits for them on their dashboard."}
      </Alert>
      <Card className="mb-8">
        <h2 className="mb-4 text-lg font-semibold">New account</h2>
        <CreateUserForm action={createUserAction} roles={roles} clearances={clearances} />
      </Card>
      <ul className="space-y-4">
        {users.map((u) => (
          <li key={u.id}>
            <Card>
              <h2 className="font-semibold">
                {u.name} <span className="font-normal text-muted">{u.email}</span>
                {!u.active && <span className="ml-2 text-sm font-semibold text-danger">disabled</span>}
              </h2>
              <div className="mt-3">
                <UserRowForms user={u} update={updateUserAction} reset={resetPasswordAction} resetTotp={resetTotpAction} roles={roles} clearances={clearances} />
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { CreateUserForm, UserRowForms } from "@/components/admin/user-forms";
import { requireUser } from "@/lib/auth/current-user";
import { CLASSIFICATIONS, ROLES, hasPermission } from "@/lib/auth/permissions";
import { USERS_PER_PAGE, listUsers } from "@/lib/domain/users/manage-users";
import { mailEnabled } from "@/lib/mail/mailer";
import { options } from "@/lib/validation/vocabulary";
import { createUserAction, resetPasswordAction, resetTotpAction, updateUserAction } from "./actions";

export const metadata: Metadata = { title: "Staff accounts" };

type Params = { q?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function UsersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser("/admin/users");
  if (user.needsSecondFactor) redirect("/account?required=1");
  if (!hasPermission(user, "user:manage")) return <Alert>Only administrators manage staff accounts.</Alert>;
  const params = await searchParams;
  const q = one(params.q).trim().slice(0, 200);
  const page = Math.max(1, Math.min(100_000, Math.floor(Number(one(params.page))) || 1));
  const { users, total, pages } = await listUsers(user, { q, page });
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const from = (page - 1) * USERS_PER_PAGE + 1;
  const status =
    users.length === 0
      ? q
        ? `No account matches “${q}”.`
        : total
          ? `No accounts on page ${page}: there are ${total}.`
          : "No accounts."
      : `${q ? `Accounts matching “${q}”` : "Accounts"} ${from}–${from + users.length - 1} of ${total}, active first.`;
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
      <h2 className="mb-3 text-lg font-semibold">Accounts</h2>
      <form role="search" aria-label="Find an account" method="get" action="/admin/users" className="mb-3 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field id="find-account" label="Find an account" hint="Part of a name or of an e-mail address.">
            {(a) => <Input {...a} name="q" type="search" defaultValue={q} maxLength={200} />}
          </Field>
        </div>
        <button type="submit" className={buttonVariants()}>
          Find
        </button>
        {q && (
          <Link href="/admin/users" className="text-sm font-semibold text-brand underline-offset-2 hover:underline">
            Show all
          </Link>
        )}
      </form>
      <p role="status" className="mb-3 text-sm text-muted">
        {status}
      </p>
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
      {(pages > 1 || page > pages) && (
        <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
          {page > pages ? (
            <Link href={href(pages)} className="font-semibold text-brand underline-offset-2 hover:underline">
              ← Last page ({pages})
            </Link>
          ) : (
            page > 1 && (
              <Link href={href(page - 1)} className="font-semibold text-brand underline-offset-2 hover:underline">
                ← Previous page
              </Link>
            )
          )}
          {page <= pages && (
            <span className="text-muted">
              Page {page} of {pages}
            </span>
          )}
          {page < pages && (
            <Link href={href(page + 1)} className="font-semibold text-brand underline-offset-2 hover:underline">
              Next page →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

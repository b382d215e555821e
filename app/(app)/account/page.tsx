import type { Metadata } from "next";
import { TotpPanel } from "@/components/account/totp-panel";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { secondFactorRequired } from "@/lib/auth/permissions";
import { label } from "@/lib/validation/vocabulary";
import { beginTotpSetupAction, confirmTotpSetupAction, disableTotpAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/account");
  const params = await searchParams;
  const required = secondFactorRequired(user.role);
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email} · ${label(user.role)} · cleared ${label(user.clearance)}`} />
      {user.needsSecondFactor && (
        <Alert className="mb-6">
          {params.required ? "Account management needs two-step sign-in. " : ""}Administrators here must use two-step sign-in: set it up below to manage
          accounts and read the audit log.
        </Alert>
      )}
      <Card>
        <h2 className="text-lg font-semibold">Two-step sign-in</h2>
        <p className="mt-1 text-sm text-muted">
          With it on, signing in asks for your password and a 6-digit code from an authenticator app on your phone (any app that supports TOTP).
          Someone who learns your password still cannot sign in as you.
        </p>
        <div className="mt-4">
          <TotpPanel enabled={user.secondFactor} required={required} begin={beginTotpSetupAction} confirm={confirmTotpSetupAction} disable={disableTotpAction} />
        </div>
      </Card>
    </>
  );
}

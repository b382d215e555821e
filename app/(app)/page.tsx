import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ConsultationTable } from "@/components/consultations/consultation-table";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listConsultations } from "@/lib/domain/consultations/list-consultations";
import { countryName } from "@/lib/countries";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/");
  const recent = await listConsultations(user, { take: 5 });
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name}`}
        description="Recent consultations you are cleared to see."
        actions={
          hasPermission(user, "consultation:create") && (
            <Link href="/consultations/new" className={buttonVariants()}>
              New consultation
            </Link>
          )
        }
      />
      <h2 className="mb-3 text-lg font-semibold">Recent consultations</h2>
      <ConsultationTable caption="Recent consultations" rows={recent.map((r) => ({ ...r, country: countryName(r.counterpartCountry) }))} />
      <p className="mt-4 text-sm">
        <Link href="/consultations" className="font-semibold text-brand underline-offset-2 hover:underline">
          All consultations →
        </Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ConsultationTable } from "@/components/consultations/consultation-table";
import { requireUser, requirePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listConsultations } from "@/lib/domain/consultations/list-consultations";
import { countryName } from "@/lib/countries";

export const metadata: Metadata = { title: "Consultations" };

export default async function ConsultationsPage() {
  const user = await requireUser("/consultations");
  requirePermission(user, "consultation:read");
  const rows = await listConsultations(user);
  return (
    <>
      <PageHeader
        title="Consultations"
        description="Every consultation record you are cleared to see, newest first."
        actions={
          hasPermission(user, "consultation:create") && (
            <Link href="/consultations/new" className={buttonVariants()}>
              New consultation
            </Link>
          )
        }
      />
      <ConsultationTable caption="Consultations" rows={rows.map((r) => ({ ...r, country: countryName(r.counterpartCountry) }))} />
    </>
  );
}

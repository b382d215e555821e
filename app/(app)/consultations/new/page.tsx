import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ConsultationForm } from "@/components/consultations/consultation-form";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission, visibleClassifications } from "@/lib/auth/permissions";
import { countryOptions } from "@/lib/countries";
import { humanize } from "@/lib/format";
import { createConsultationAction } from "../actions";

export const metadata: Metadata = { title: "New consultation" };

export default async function NewConsultationPage() {
  const user = await requireUser("/consultations/new");
  if (!hasPermission(user, "consultation:create")) {
    return <Alert>Your role ({humanize(user.role)}) may read records but not create them.</Alert>;
  }
  return (
    <>
      <PageHeader title="New consultation" description="Start a record with the essentials; the rest of the record is added in the editor." />
      <Card className="max-w-3xl">
        <ConsultationForm
          action={createConsultationAction}
          countries={countryOptions()}
          classifications={visibleClassifications(user.clearance).map((c) => ({ value: c, label: humanize(c) }))}
        />
      </Card>
    </>
  );
}

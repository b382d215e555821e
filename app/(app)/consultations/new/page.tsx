import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ConsultationForm } from "@/components/consultations/consultation-form";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission, visibleClassifications } from "@/lib/auth/permissions";
import { countryOptions } from "@/lib/countries";
import { label } from "@/lib/validation/vocabulary";
import { listSeries } from "@/lib/domain/series/list-series";
import { MECHANISM_FORMATS, options } from "@/lib/validation/vocabulary";
import { createConsultationAction } from "../actions";

export const metadata: Metadata = { title: "New consultation" };

export default async function NewConsultationPage() {
  const user = await requireUser("/consultations/new");
  if (!hasPermission(user, "consultation:create")) {
    return <Alert>Your role ({label(user.role)}) may read records but not create them.</Alert>;
  }
  return (
    <>
      <PageHeader title="New consultation" description="Start a record with the essentials; everything else is added in the editor that opens next." />
      <Card className="max-w-3xl">
        <ConsultationForm
          action={createConsultationAction}
          series={(await listSeries(user)).map((s) => ({ value: s.id, label: s.name }))}
          formats={options(MECHANISM_FORMATS)}
          countries={countryOptions().map((c) => ({ value: c.code, label: c.name }))}
          classifications={visibleClassifications(user.clearance).map((c) => ({ value: c, label: label(c) }))}
        />
      </Card>
    </>
  );
}

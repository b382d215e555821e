"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { createConsultationSchema, type ConsultationField } from "@/lib/validation/consultation";
import { pickFields, type FormState } from "@/lib/validation/form-state";

const FIELDS = [
  "seriesId",
  "seriesName",
  "format",
  "counterpartCountry",
  "title",
  "roundNumber",
  "startDate",
  "city",
  "classification",
] as const satisfies readonly ConsultationField[];

export async function createConsultationAction(_prev: FormState<ConsultationField>, formData: FormData): Promise<FormState<ConsultationField>> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  const values = pickFields(formData, FIELDS);
  if (!hasPermission(user, "consultation:create")) {
    return { status: "error", message: "Your role may not create consultations.", code: "FORBIDDEN", values };
  }
  const parsed = createConsultationSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: "error",
      message: "Some fields need attention. Nothing was saved.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values,
    };
  }
  let id: string;
  try {
    ({ id } = await createConsultation(user, parsed.data));
  } catch (error) {
    if (isAppError(error)) return { status: "error", message: error.message, code: error.code, values };
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "createConsultation failed");
    return { status: "error", message: "The record could not be saved. Nothing was stored; please try again.", values };
  }
  revalidatePath("/consultations");
  redirect(`/consultations/${id}/edit`);
}

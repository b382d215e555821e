"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { createConsultation } from "@/lib/domain/consultations/create-consultation";
import { asAppError, isAppError } from "@/lib/errors";
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
  const values = pickFields(formData, FIELDS);
  const user = await actionUser();
  if (isAppError(user)) return { status: "error", message: user.message, code: user.code, values };
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
    const known = asAppError(error);
    if (known) return { status: "error", message: known.message, code: known.code, values };
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "createConsultation failed");
    return { status: "error", message: "The record could not be saved. Nothing was stored; please try again.", values };
  }
  revalidatePath("/consultations");
  redirect(`/consultations/${id}/edit`);
}

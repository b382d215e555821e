import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

const badge = cva("inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold uppercase tracking-wide", {
  variants: {
    tone: {
      neutral: "bg-slate-100 text-slate-800",
      draft: "bg-amber-100 text-amber-900",
      ok: "bg-emerald-100 text-emerald-900",
      classified: "bg-red-100 text-red-900",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export function Badge({ className, tone, ...props }: ComponentProps<"span"> & VariantProps<typeof badge>) {
  return <span className={cn(badge({ tone }), className)} {...props} />;
}

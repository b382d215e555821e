import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export function Alert({ className, tone = "error", ...props }: ComponentProps<"div"> & { tone?: "error" | "info" }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-4 py-3 text-sm",
        tone === "error" ? "border-danger/40 bg-red-50 text-danger" : "border-brand/30 bg-blue-50 text-brand",
        className,
      )}
      {...props}
    />
  );
}

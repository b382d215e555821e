import { Label } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const control =
  "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm text-ink shadow-sm placeholder:text-muted/70 aria-[invalid=true]:border-danger";

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | undefined;
  children: (a11y: {
    id: string;
    "aria-describedby"?: string;
    "aria-invalid"?: boolean;
  }) => ReactNode;
}

/** A labelled control with its hint and its errors wired to it for screen readers. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <Label.Root htmlFor={id} className="block text-sm font-semibold text-ink">
        {label}
      </Label.Root>
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-describedby": describedBy,
        ...(errorId ? { "aria-invalid": true } : {}),
      })}
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-danger">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(control, className)} {...props} />;
}

interface SelectProps extends ComponentProps<"select"> {
  options?: { value: string; label: string }[];
  /** A first, empty choice ("Choose a country…"). */
  placeholder?: string;
}

export function Select({ className, options, placeholder, children, ...props }: SelectProps) {
  return (
    <select className={cn(control, "pr-8", className)} {...props}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {children}
    </select>
  );
}

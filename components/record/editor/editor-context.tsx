"use client";

import { createContext, useContext, type ComponentProps } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { RecordForm } from "@/lib/record/form";

export type Path = (string | number)[];

export interface EditorApi {
  form: RecordForm;
  errors: Record<string, string[]>;
  readOnly: boolean;
  set: (path: Path, value: unknown) => void;
  update: (fn: (form: RecordForm) => RecordForm) => void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error("useEditor outside <EditorContext>");
  return api;
}

export function getIn(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (o, k) =>
      o === null || o === undefined ? undefined : (o as Record<string | number, unknown>)[k],
    obj,
  );
}

export function setIn<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(obj) ? [...obj] : { ...(obj as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = setIn(copy[head], rest, value);
  return copy as T;
}

const key = (path: Path) => path.join(".");
const domId = (path: Path) => `f-${path.join("-")}`;

interface BaseProps {
  path: Path;
  label: string;
  hint?: string;
  className?: string;
}

function useBinding(path: Path) {
  const { form, errors, set, readOnly } = useEditor();
  return {
    value: getIn(form, path),
    errors: errors[key(path)],
    set: (v: unknown) => set(path, v),
    readOnly,
  };
}

export function TextField({
  path,
  label,
  hint,
  className,
  ...rest
}: BaseProps & Omit<ComponentProps<"input">, "value" | "onChange">) {
  const b = useBinding(path);
  return (
    <div className={className}>
      <Field id={domId(path)} label={label} hint={hint} errors={b.errors}>
        {(a) => (
          <Input
            {...a}
            {...rest}
            value={String(b.value ?? "")}
            readOnly={b.readOnly}
            onChange={(e) => b.set(e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}

export function TextArea({
  path,
  label,
  hint,
  className,
  rows = 3,
  maxLength,
}: BaseProps & { rows?: number; maxLength?: number }) {
  const b = useBinding(path);
  const value = String(b.value ?? "");
  const over = maxLength !== undefined && value.length > maxLength;
  return (
    <div className={className}>
      <Field id={domId(path)} label={label} hint={hint} errors={b.errors}>
        {(a) => (
          <>
            <textarea
              {...a}
              rows={rows}
              value={value}
              readOnly={b.readOnly}
              onChange={(e) => b.set(e.target.value)}
              className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-danger"
            />
            {maxLength !== undefined && (
              <p
                className={cn(
                  "text-right text-xs",
                  over ? "font-semibold text-danger" : "text-muted",
                )}
              >
                {value.length.toLocaleString("en")} / {maxLength.toLocaleString("en")} characters
                {over ? " — too long to save" : ""}
              </p>
            )}
          </>
        )}
      </Field>
    </div>
  );
}

export function SelectField({
  path,
  label,
  hint,
  className,
  options,
  placeholder,
}: BaseProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const b = useBinding(path);
  return (
    <div className={className}>
      <Field id={domId(path)} label={label} hint={hint} errors={b.errors}>
        {(a) => (
          <Select
            {...a}
            value={String(b.value ?? "")}
            disabled={b.readOnly}
            onChange={(e) => b.set(e.target.value)}
            placeholder={placeholder}
            options={options}
          />
        )}
      </Field>
    </div>
  );
}

export function CheckboxField({ path, label, className }: BaseProps) {
  const b = useBinding(path);
  const id = domId(path);
  const errorId = b.errors?.length ? `${id}-error` : undefined;
  return (
    // A column centred in the grid row's height, as the fields beside it are.
    <div className={cn("flex flex-col justify-center pt-6", className)}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          className="size-4 accent-brand"
          checked={Boolean(b.value)}
          disabled={b.readOnly}
          onChange={(e) => b.set(e.target.checked)}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
        />
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
      </div>
      {errorId && (
        <p id={errorId} className="mt-1.5 text-sm font-medium text-danger">
          {b.errors?.join(" ")}
        </p>
      )}
    </div>
  );
}

/** Errors that belong to a whole list ("At most 200 participants"). */
export function ListErrors({ path }: { path: Path }) {
  const { errors } = useEditor();
  const list = errors[key(path)];
  if (!list?.length) return null;
  return (
    <p className="text-sm font-medium text-danger" role="alert">
      {list.join(" ")}
    </p>
  );
}

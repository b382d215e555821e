"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Action = (state: { message?: string }, formData: FormData) => Promise<{ message?: string }>;

export function RestoreButton({ id, version, baseVersion, action }: { id: string; version: number; baseVersion: number; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Restore version {version}
      </Button>
      {state.message && <Alert className="mt-2">{state.message}</Alert>}
    </form>
  );
}

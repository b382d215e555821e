"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Action = (state: { message?: string }, formData: FormData) => Promise<{ message?: string }>;

export function StartNextRoundButton({ previousId, action }: { previousId: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="previousId" value={previousId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Starting…" : "Start the next round"}
      </Button>
      {state.message && <Alert className="mt-2">{state.message}</Alert>}
    </form>
  );
}

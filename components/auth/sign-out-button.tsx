"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { signOutEverywhereAction } from "@/app/(app)/session-actions";

export function SignOutButton({ everywhere }: { everywhere?: typeof signOutEverywhereAction }) {
  const [pending, start] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <span className="flex gap-2">
      <Button
        variant="secondary"
        size="sm"
        className="whitespace-nowrap"
        onClick={() => void signOut({ callbackUrl: "/signin" })}
      >
        Sign out
      </Button>
      {everywhere && (
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          title="Ends your sessions on every computer and phone"
          onClick={() =>
            start(async () => {
              const r = await everywhere();
              if (!r.done) {
                setProblem(r.message ?? "Not signed out anywhere; try again.");
                return;
              }
              await signOut({ callbackUrl: "/signin" });
            })
          }
        >
          Sign out everywhere
        </Button>
      )}
      {problem && (
        <span role="alert" className="self-center text-xs">
          {problem}
        </span>
      )}
    </span>
  );
}

import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { getCurrentUser } from "@/lib/auth/current-user";

// Not a guard: every page below calls requireUser() itself (and sends an anonymous visitor to
// sign-in with the page as callback); the layout only draws the shell for a signed-in user.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) return <>{children}</>;
  return <AppShell user={user}>{children}</AppShell>;
}

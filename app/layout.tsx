import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Readout", template: "%s · Readout" },
  description: "Record diplomatic consultations, review them and publish briefing PDFs.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next.js can put the request's CSP nonce
  // (lib/request-gate.ts) on its scripts; a prerendered page would carry scripts the policy refuses.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}

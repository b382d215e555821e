"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/consultations", label: "Consultations" },
  { href: "/series", label: "Series" },
  { href: "/commitments", label: "Commitments" },
];

const ADMIN_NAV = [
  { href: "/admin/users", label: "Staff" },
  { href: "/admin/audit", label: "Audit log" },
];

export function MainNav({ admin = false }: { admin?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1">
        {[...NAV, ...(admin ? ADMIN_NAV : [])].map((item) => {
          const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "rounded px-3 py-2 text-sm font-medium text-white/90 hover:bg-white/10 hover:text-white",
                  current && "bg-white/15 text-white",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { auditFilterSchema, listAudit } from "@/lib/domain/audit/list-audit";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("/admin/audit");
  if (user.needsSecondFactor) redirect("/account?required=1");
  if (!hasPermission(user, "user:manage")) return <Alert>Only administrators read the audit log.</Alert>;
  const params = await searchParams;
  const filter = auditFilterSchema.parse(params);
  const { rows, next } = await listAudit(user, filter);
  const keep = new URLSearchParams(Object.entries({ action: filter.action, actor: filter.actor, from: filter.from, to: filter.to }).filter((e): e is [string, string] => Boolean(e[1])));
  return (
    <>
      <PageHeader title="Audit log" description="Every action, newest first. The database refuses to change or delete an entry." />
      <Card className="mb-6">
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
          <label>
            <span className="block font-semibold">Action</span>
            <Input name="action" defaultValue={filter.action ?? ""} placeholder="consultation.approve" />
          </label>
          <label>
            <span className="block font-semibold">Actor e-mail contains</span>
            <Input name="actor" defaultValue={filter.actor ?? ""} />
          </label>
          <label>
            <span className="block font-semibold">From</span>
            <Input name="from" type="date" defaultValue={filter.from ?? ""} />
          </label>
          <label>
            <span className="block font-semibold">To</span>
            <Input name="to" type="date" defaultValue={filter.to ?? ""} />
          </label>
          <Button type="submit" size="sm">
            Filter
          </Button>
        </form>
      </Card>
      <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit entries</caption>
          <thead className="border-b border-line bg-surface text-xs uppercase text-muted">
            <tr>
              <th scope="col" className="px-3 py-2">When (UTC)</th>
              <th scope="col" className="px-3 py-2">Who</th>
              <th scope="col" className="px-3 py-2">Action</th>
              <th scope="col" className="px-3 py-2">On</th>
              <th scope="col" className="px-3 py-2">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line align-top">
            {rows.map((r) => (
              <tr key={String(r.id)}>
                <td className="whitespace-nowrap px-3 py-2">{when.format(r.at)}</td>
                <td className="px-3 py-2">{r.actor ? `${r.actor.name} (${r.actor.email})` : "system"}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.entityType ? `${r.entityType} ${r.entityId ?? ""}` : ""}</td>
                <td className="max-w-md break-words px-3 py-2 font-mono text-xs">{r.details ? JSON.stringify(r.details) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next !== undefined && (
        <p className="mt-4 text-sm">
          <Link href={`/admin/audit?${keep.toString()}${keep.size ? "&" : ""}before=${next}`} className="font-semibold text-brand underline">
            Older entries →
          </Link>
        </p>
      )}
    </>
  );
}

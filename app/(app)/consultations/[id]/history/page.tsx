import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { RestoreButton } from "@/components/record/restore-button";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getVersion, listVersions } from "@/lib/domain/consultations/version-history";
import { isAppError } from "@/lib/errors";
import { isEditable } from "@/lib/domain/consultations/editable-statuses";
import { diffForms } from "@/lib/record/diff";
import { toForm } from "@/lib/record/form";
import { restoreVersionAction } from "./actions";

export const metadata: Metadata = { title: "Versions" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ a?: string; b?: string }> }) {
  const { id } = await params;
  const q = await searchParams;
  const user = await requireUser(`/consultations/${id}/history`);
  const { record, versions } = await listVersions(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const latest = record.version;
  const a = Number(q.a ?? Math.max(1, latest - 1));
  const b = Number(q.b ?? latest);
  const valid = (n: number) => Number.isInteger(n) && versions.some((v) => v.version === n);
  const changes = valid(a) && valid(b) ? diffForms(toForm(await getVersion(user, id, a)), toForm(await getVersion(user, id, b))) : null;
  const canRestore = hasPermission(user, "consultation:edit") && isEditable(record.status);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/consultations/${id}`} className="font-semibold text-brand underline-offset-2 hover:underline">
          ← {record.title}
        </Link>
      </p>
      <PageHeader title="Versions" description="Every save is a version. Compare any two, field by field." />
      <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
        <Card>
          <form method="get" className="space-y-3">
            <table className="w-full text-sm">
              <caption className="sr-only">Versions, newest first</caption>
              <thead className="text-left text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="w-12 pb-1 pr-2">From</th>
                  <th scope="col" className="w-12 pb-1 pr-2">To</th>
                  <th scope="col" className="pb-1">Version</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version} className="border-t border-line">
                    <td className="py-1.5">
                      <input type="radio" name="a" value={v.version} defaultChecked={v.version === a} aria-label={`Compare from version ${v.version}`} />
                    </td>
                    <td>
                      <input type="radio" name="b" value={v.version} defaultChecked={v.version === b} aria-label={`Compare to version ${v.version}`} />
                    </td>
                    <td>
                      <span className="font-medium">v{v.version}</span>
                      {v.version === record.approvedVersion && <span className="ml-1 text-xs font-semibold text-ok">approved</span>}
                      <span className="block text-xs text-muted">
                        {v.savedBy.name}, {when.format(v.savedAt)} UTC
                      </span>
                      {canRestore && v.version !== latest && (
                        <div className="mt-1">
                          <RestoreButton id={id} version={v.version} baseVersion={latest} action={restoreVersionAction} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Button type="submit" size="sm">
              Compare
            </Button>
          </form>
        </Card>
        <Card aria-labelledby="diff-heading">
          <h2 id="diff-heading" className="mb-3 text-lg font-semibold">
            {changes ? `From version ${a} to version ${b}` : "Choose two versions"}
          </h2>
          {changes && changes.length === 0 && <p className="text-sm text-muted">No differences.</p>}
          {changes && changes.length > 0 && (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Differences</caption>
              <thead className="border-b border-line text-xs uppercase text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3">Where</th>
                  <th scope="col" className="py-2 pr-3">Version {a}</th>
                  <th scope="col" className="py-2">Version {b}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line align-top">
                {changes.map((c, i) => (
                  <tr key={i}>
                    <td className="py-2 pr-3 font-medium">
                      {c.label}
                      {c.kind !== "changed" && <span className="ml-1 text-xs uppercase text-muted">({c.kind})</span>}
                    </td>
                    <td className="whitespace-pre-line py-2 pr-3 text-red-900">{c.kind === "added" ? "—" : c.before}</td>
                    <td className="whitespace-pre-line py-2 text-emerald-900">{c.kind === "removed" ? "—" : c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}

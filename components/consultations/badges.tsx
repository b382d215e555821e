import { Badge } from "@/components/ui/badge";
import { label } from "@/lib/validation/vocabulary";

export function ClassificationBadge({ value }: { value: string }) {
  return <Badge tone={value === "UNCLASSIFIED" ? "neutral" : "classified"}>{label(value)}</Badge>;
}

export function StatusBadge({ value }: { value: string }) {
  return <Badge tone={value === "APPROVED" ? "ok" : value === "ARCHIVED" ? "neutral" : "draft"}>{label(value)}</Badge>;
}

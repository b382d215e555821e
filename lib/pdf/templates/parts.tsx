import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { day, pdfText, rtl, type Briefing } from "@/lib/pdf/briefing";
import { label } from "@/lib/validation/vocabulary";
import { s } from "@/lib/pdf/templates/styles";

export function Fact({ name, value }: { name: string; value: string }) {
  if (!value) return null;
  return (
    <View style={s.row} wrap={false}>
      <Text style={s.factLabel}>{name}</Text>
      <Text style={[s.factValue, rtl(value)]}>{pdfText(value)}</Text>
    </View>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <View>
      <Text style={s.h2} minPresenceAhead={40} {...(id ? { id } : {})}>
        {title}
      </Text>
      {children}
    </View>
  );
}

export function Bullet({ children }: { children: ReactNode }) {
  return (
    <View style={s.bullet} wrap={false}>
      <Text style={s.bulletMark}>•</Text>
      <Text style={s.bulletText}>{children}</Text>
    </View>
  );
}

export function dates(b: Briefing): string {
  const f = b.data.facts;
  return f.endDate && f.endDate !== f.startDate ? `${day(f.startDate)} – ${day(f.endDate)}` : day(f.startDate);
}

export function venue(b: Briefing): string {
  const f = b.data.facts;
  if (f.venueMode === "VIRTUAL") return "Virtual meeting";
  const place = [f.venueCity, b.venueCountryName].filter(Boolean).join(", ");
  return f.venueMode === "HYBRID" ? `${place} (hybrid)` : place;
}

export function person(p: { honorific: string; name: string; title: string; organisation?: string }, withOrg = false): string {
  const name = [p.honorific, p.name].filter(Boolean).join(" ");
  const rest = [p.title, withOrg ? p.organisation : ""].filter(Boolean).join(", ");
  return rest ? `${name}, ${rest}` : name;
}

export function heads(b: Briefing, side: "HOME" | "COUNTERPART"): string {
  const list = b.data.participants.filter((p) => p.side === side && (p.role === "HEAD" || p.role === "CO_CHAIR"));
  return list.map((p) => person(p)).join("; ");
}

export function nextRound(b: Briefing): string {
  const n = b.data.nextRound;
  if (n.plan === "NOT_DISCUSSED") return "Not discussed.";
  const place = [n.city, b.nextRoundCountryName].filter(Boolean).join(", ") || "Place to be agreed";
  const when = n.plan === "DATED" ? day(n.date) : "on mutually convenient dates (to be fixed)";
  return `${place}, ${when}.${n.note ? ` ${n.note}` : ""}`;
}

export function statusLine(b: Briefing): string {
  return `${label(b.status)} · version ${b.version}`;
}

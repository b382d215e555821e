import { Text, View } from "@react-pdf/renderer";
import { Children, type ComponentProps, type ReactNode } from "react";
import { day, pdfText, rtl, type Briefing, type Paper } from "@/lib/pdf/briefing";
import { label } from "@/lib/validation/vocabulary";
import { s } from "@/lib/pdf/templates/styles";

const PAGE_WIDTH: Record<Paper, number> = { A4: 595.28, LETTER: 612 };

/** Width of the text column of a page (its paper less the horizontal padding). */
export function contentWidth(paper: Paper): number {
  return PAGE_WIDTH[paper] - 2 * 56;
}

/**
 * Text that may be written right to left: each paragraph whose first letter is Arabic script is
 * set right to left, from the right edge of its box. `width` is the box it sits in.
 */
export function Para({
  text,
  width,
  style,
}: {
  text: string;
  width: number;
  style?: ComponentProps<typeof View>["style"];
}) {
  const paragraphs = text.split(/\n+/);
  const rightToLeft = paragraphs.map((p) => "direction" in rtl(p));
  if (!rightToLeft.some(Boolean)) return <Text style={style}>{pdfText(text)}</Text>;
  // Set at the box's width: measured narrower (as wide as its longest line), a right-to-left
  // paragraph in a flexible column was drawn short of the column's right edge.
  const RTL = [{ direction: "rtl" as const }, { width }];
  if (rightToLeft.every(Boolean))
    return <Text style={[...[style ?? []].flat(), ...RTL]}>{pdfText(paragraphs.join("\n"))}</Text>;
  return (
    <View style={style}>
      {paragraphs.map((p, i) => (
        <Text key={i} style={rightToLeft[i] ? RTL : undefined}>
          {pdfText(p)}
        </Text>
      ))}
    </View>
  );
}

/**
 * Whether a row of this much text is set as a row, kept on one page. A longer one could be taller
 * than a page, and react-pdf does not split a row over pages (it runs off the page, over the
 * banner): it is set as a column instead (styles.ts `block`), which splits.
 */
export function keepTogether(chars: number): boolean {
  return chars <= 600;
}

/** The text of a bullet's or row's children (strings and numbers), to measure it. */
function textOf(children: ReactNode): string {
  return Children.toArray(children)
    .filter((c) => typeof c === "string" || typeof c === "number")
    .join("");
}

/** A label and its value; `width` is the text column's (contentWidth of the paper). */
export function Fact({ name, value, width }: { name: string; value: string; width: number }) {
  if (!value) return null;
  if (!keepTogether(name.length + value.length))
    return (
      <View style={s.block}>
        <Text style={s.blockLabel}>
          {pdfText(name)}
        </Text>
        <Para text={value} width={width} />
      </View>
    );
  return (
    <View style={s.row} wrap={false}>
      <Text style={s.factLabel}>{pdfText(name)}</Text>
      <Para text={value} width={width - 150} style={s.factValue} />
    </View>
  );
}

export function Section({
  title,
  children,
  id,
}: {
  title: string;
  children: ReactNode;
  id?: string;
}) {
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
  if (!keepTogether(textOf(children).length))
    return (
      <View style={{ marginBottom: 3 }}>
        <Text>• {children}</Text>
      </View>
    );
  return (
    <View style={s.bullet} wrap={false}>
      <Text style={s.bulletMark}>•</Text>
      <Text style={s.bulletText}>{children}</Text>
    </View>
  );
}

export function dates(b: Briefing): string {
  const f = b.data.facts;
  return f.endDate && f.endDate !== f.startDate
    ? `${day(f.startDate)} – ${day(f.endDate)}`
    : day(f.startDate);
}

export function venue(b: Briefing): string {
  const f = b.data.facts;
  if (f.venueMode === "VIRTUAL") return "Virtual meeting";
  const place = [f.venueCity, b.venueCountryName].filter(Boolean).join(", ");
  return f.venueMode === "HYBRID" ? `${place} (hybrid)` : place;
}

export function person(
  p: { honorific: string; name: string; title: string; organisation?: string },
  withOrg = false,
): string {
  const name = [p.honorific, p.name].filter(Boolean).join(" ");
  const rest = [p.title, withOrg ? p.organisation : ""].filter(Boolean).join(", ");
  return rest ? `${name}, ${rest}` : name;
}

export function heads(b: Briefing, side: "HOME" | "COUNTERPART"): string {
  const list = b.data.participants.filter(
    (p) => p.side === side && (p.role === "HEAD" || p.role === "CO_CHAIR"),
  );
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

/**
 * A topic's category, or null where its subject already begins with the category's name or its
 * first word, as a word of its own: "Energy cooperation", not "Energy: Energy cooperation"; but
 * "Trade: Trade-offs in the region" and "People-to-people contacts: People's Republic relations".
 */
export function topicCategory(t: { category: string; subject: string }): string | null {
  const name = label(t.category);
  const subject = t.subject.trimStart().toLowerCase();
  const begins = (prefix: string) =>
    prefix !== "" && subject.startsWith(prefix) && !/[\p{L}\p{M}\p{N}'’-]/u.test(subject.charAt(prefix.length));
  return begins(name.toLowerCase()) || begins((name.split(/\s/)[0] ?? "").toLowerCase()) ? null : name;
}

/** A topic as a line: "Regional: Afghanistan", or the subject alone where it names the category. */
export function topicLine(t: { category: string; subject: string }): string {
  const category = topicCategory(t);
  return category ? `${category}: ${t.subject}` : t.subject;
}

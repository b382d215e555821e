import { ROW_SECTIONS, rowsOf, type AnyRow, type RecordForm, type RowSection } from "@/lib/record/form";
import { SECTION_NAMES, fieldName, rowName } from "@/lib/record/diff";

/** A value both people changed differently: the merge keeps "mine" until the user picks "theirs". */
export interface Clash {
  key: string;
  label: string;
  section: "facts" | "nextRound" | RowSection;
  rowId: string | null;
  field: string | null;
  mine: unknown;
  theirs: unknown;
}

type Row = AnyRow;
type Obj = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function mergeObject(base: Obj, mine: Obj, theirs: Obj, onClash: (field: string) => void): Obj {
  const out: Obj = { ...mine };
  for (const key of Object.keys(theirs)) {
    if (same(mine[key], base[key])) out[key] = theirs[key];
    else if (!same(theirs[key], base[key]) && !same(mine[key], theirs[key])) onClash(key);
  }
  return out;
}

/**
 * Three-way merge of the editor's form against the version someone else saved meanwhile.
 * Whatever only one person changed is taken; where both changed the same value, mine is kept
 * and a clash is reported. A row one person removed and the other edited is kept.
 */
export function mergeForms(base: RecordForm, mine: RecordForm, theirs: RecordForm): { merged: RecordForm; clashes: Clash[] } {
  const clashes: Clash[] = [];
  const merged = { ...mine } as RecordForm;

  for (const section of ["facts", "nextRound"] as const) {
    const m = mergeObject(base[section] as unknown as Obj, mine[section] as unknown as Obj, theirs[section] as unknown as Obj, (field) =>
      clashes.push({
        key: `${section}.${field}`,
        label: `${SECTION_NAMES[section]} — ${fieldName(field)}`,
        section,
        rowId: null,
        field,
        mine: (mine[section] as unknown as Obj)[field],
        theirs: (theirs[section] as unknown as Obj)[field],
      }),
    );
    (merged as unknown as Obj)[section] = m;
  }

  for (const section of ROW_SECTIONS) {
    const b = new Map(rowsOf(base, section).map((r) => [r.id, r]));
    const m = new Map(rowsOf(mine, section).map((r) => [r.id, r]));
    const t = new Map(rowsOf(theirs, section).map((r) => [r.id, r]));
    const theirOrderChanged = !same([...t.keys()].filter((id) => b.has(id)), [...b.keys()].filter((id) => t.has(id)));
    const order = theirOrderChanged
      ? [...t.keys(), ...[...m.keys()].filter((id) => !t.has(id))]
      : [...m.keys(), ...[...t.keys()].filter((id) => !m.has(id))];
    const rows: Row[] = [];
    for (const id of order) {
      const [rb, rm, rt] = [b.get(id), m.get(id), t.get(id)];
      if (!rb) {
        rows.push((rm ?? rt) as Row); // added by one side
      } else if (rm && rt) {
        rows.push(
          mergeObject(rb, rm, rt, (field) =>
            clashes.push({ key: `${section}.${id}.${field}`, label: `${SECTION_NAMES[section]} — ${rowName(section, rm)} — ${fieldName(field)}`, section, rowId: id, field, mine: rm[field], theirs: rt[field] }),
          ) as Row,
        );
      } else if (rm && !same(rm, rb)) {
        rows.push(rm); // they removed it, I edited it: keep my edit
      } else if (rt && !same(rt, rb)) {
        rows.push(rt); // I removed it, they edited it: keep their edit
      }
    }
    (merged as unknown as Obj)[section] = rows;
  }
  return { merged, clashes };
}

/** Puts one side's value of a clash into the merged form. */
export function applyClash(form: RecordForm, clash: Clash, value: unknown): RecordForm {
  if (clash.field === null) return form;
  if (clash.rowId === null) {
    const section = clash.section as "facts" | "nextRound";
    return { ...form, [section]: { ...form[section], [clash.field]: value } };
  }
  const section = clash.section as RowSection;
  const field = clash.field;
  return {
    ...form,
    [section]: rowsOf(form, section).map((r) => (r.id === clash.rowId ? { ...r, [field]: value } : r)),
  };
}

// Controlled vocabularies of the record, in the order forms offer them, with their labels.
export const VENUE_MODES = ["IN_PERSON", "VIRTUAL", "HYBRID"] as const;
export const HOST_SIDES = ["HOME", "COUNTERPART", "JOINT"] as const;
export const DELEGATION_SIDES = ["HOME", "COUNTERPART"] as const;
export const PARTICIPANT_ROLES = ["HEAD", "CO_CHAIR", "SPECIAL_REPRESENTATIVE", "MEMBER"] as const;
export const TOPIC_CATEGORIES = [
  "POLITICAL",
  "ECONOMIC",
  "TRADE",
  "DEFENCE",
  "ENERGY",
  "SECURITY",
  "EDUCATION",
  "CULTURE",
  "SCIENCE_TECHNOLOGY",
  "CONSULAR",
  "MULTILATERAL",
  "REGIONAL",
  "PEOPLE_TO_PEOPLE",
  "OTHER",
] as const;
export const OUTCOME_TYPES = ["AGREEMENT", "COMMITMENT", "REAFFIRMATION", "SATISFACTION", "EXCHANGE_OF_VIEWS"] as const;
export const COMMITMENT_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "DROPPED"] as const;
export const NEXT_ROUND_PLANS = ["NOT_DISCUSSED", "DATED", "TO_BE_FIXED"] as const;
export const SIDE_MEETING_KINDS = ["COURTESY_CALL", "MEETING", "VISIT", "OTHER"] as const;
export const MECHANISM_FORMATS = [
  "BILATERAL_POLITICAL_CONSULTATIONS",
  "FOREIGN_OFFICE_CONSULTATIONS",
  "STRATEGIC_DIALOGUE",
  "JOINT_COMMISSION",
  "JOINT_WORKING_GROUP",
  "POLITICAL_DIALOGUE",
  "OTHER",
] as const;

const LABELS: Record<string, string> = {
  IN_PERSON: "In person",
  VIRTUAL: "Virtual",
  HYBRID: "Hybrid",
  HOME: "Our side",
  COUNTERPART: "Counterpart",
  JOINT: "Joint / neutral venue",
  HEAD: "Head of delegation",
  CO_CHAIR: "Co-chair",
  SPECIAL_REPRESENTATIVE: "Special representative",
  MEMBER: "Member",
  SCIENCE_TECHNOLOGY: "Science & technology",
  PEOPLE_TO_PEOPLE: "People-to-people contacts",
  SATISFACTION: "Expression of satisfaction",
  EXCHANGE_OF_VIEWS: "Exchange of views",
  IN_PROGRESS: "In progress",
  NOT_DISCUSSED: "Not discussed",
  DATED: "Date agreed",
  TO_BE_FIXED: "Mutually convenient dates (to be fixed)",
  COURTESY_CALL: "Courtesy call",
  BILATERAL_POLITICAL_CONSULTATIONS: "Bilateral political consultations",
  FOREIGN_OFFICE_CONSULTATIONS: "Foreign office consultations",
  STRATEGIC_DIALOGUE: "Strategic dialogue",
  JOINT_COMMISSION: "Joint commission",
  JOINT_WORKING_GROUP: "Joint working group",
  POLITICAL_DIALOGUE: "Political dialogue",
};

export function label(value: string): string {
  if (LABELS[value]) return LABELS[value];
  const lower = value.replaceAll("_", " ").toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function options(values: readonly string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: label(value) }));
}

import type { RecordData } from "@/lib/validation/record";

// The worked example of the product specification, told in our own words as structured data,
// and an illustrative earlier round of the same series (invented for the demo) with open
// commitments, so a newcomer sees carry-over at once. Ids are fixed so the data is stable.

export const DEMO_SERIES = {
  name: "Pakistan–Russia Bilateral Political Consultations",
  format: "BILATERAL_POLITICAL_CONSULTATIONS",
  homeCountry: "PK",
  counterpartCountries: ["RU"],
} as const;

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
export const DEMO_ROUND_4_ID = ID(4);
export const DEMO_ROUND_5_ID = ID(5);

const homeHead = { honorific: "Dr.", name: "Asad Majeed Khan", title: "Foreign Secretary", organisation: "Ministry of Foreign Affairs of Pakistan", role: "HEAD" } as const;
const russianHead = { honorific: "Mr.", name: "Andrey Rudenko", title: "Deputy Foreign Minister", organisation: "Ministry of Foreign Affairs of the Russian Federation", role: "HEAD" } as const;
const kabulov = { honorific: "Ambassador", name: "Zamir Kabulov", title: "Special Representative on Afghanistan", organisation: "Ministry of Foreign Affairs of the Russian Federation", role: "SPECIAL_REPRESENTATIVE" } as const;

export const DEMO_ROUND_4: RecordData = {
  facts: {
    title: "Pakistan–Russia Bilateral Political Consultations, round 4",
    roundNumber: 4,
    startDate: "2021-11-16",
    endDate: null,
    venueMode: "IN_PERSON",
    venueCity: "Moscow",
    venueCountry: "RU",
    hostSide: "COUNTERPART",
    atmosphere: "Friendly and businesslike",
    atmosphereIsPublic: true,
    context: "Illustrative demo record: an invented earlier round, so that carry-over of commitments can be seen.",
    summary:
      "Demo record. The delegations reviewed political dialogue and economic ties, took stock of energy projects under discussion and began planning for the 75th anniversary of diplomatic relations in 2023. They agreed that the next round would take place in Islamabad.",
    classification: "UNCLASSIFIED",
  },
  participants: [
    { id: ID(401), side: "HOME", ...homeHead },
    { id: ID(402), side: "COUNTERPART", ...russianHead },
  ],
  topics: [
    { id: ID(411), category: "POLITICAL", subject: "Political dialogue and high-level exchanges", notes: "", isPublic: true },
    { id: ID(412), category: "ENERGY", subject: "Energy projects under discussion", notes: "", isPublic: true },
  ],
  outcomes: [
    { id: ID(421), type: "COMMITMENT", text: "Exchange draft programmes of events marking the 75th anniversary of diplomatic relations.", owner: "Europe Division", dueDate: "2023-03-31", status: "OPEN", originId: null, isPublic: true },
    { id: ID(422), type: "COMMITMENT", text: "Hold expert-level talks on energy cooperation before the next round.", owner: "Economic Diplomacy Wing", dueDate: "2022-12-31", status: "IN_PROGRESS", originId: null, isPublic: false },
    { id: ID(423), type: "COMMITMENT", text: "Share contact points for consular matters.", owner: "Consular Division", dueDate: "2022-01-31", status: "DONE", originId: null, isPublic: false },
  ],
  regionalIssues: [{ id: ID(431), region: "Afghanistan", positions: "Both sides stressed the need for an inclusive settlement and humanitarian support.", isPublic: true }],
  sideMeetings: [],
  references: [],
  nextRound: { plan: "TO_BE_FIXED", city: "Islamabad", country: "PK", date: null, note: "" },
};

export const DEMO_ROUND_5: RecordData = {
  facts: {
    title: "Pakistan–Russia Bilateral Political Consultations, round 5",
    roundNumber: 5,
    startDate: "2023-06-20",
    endDate: null,
    venueMode: "IN_PERSON",
    venueCity: "Islamabad",
    venueCountry: "PK",
    hostSide: "HOME",
    atmosphere: "Cordial and constructive",
    atmosphereIsPublic: true,
    context: "Held in the year of the 75th anniversary of diplomatic relations between Pakistan and Russia.",
    summary:
      "Meeting in Islamabad for their fifth round of political consultations, the two delegations went over the whole relationship: political ties, the economy, defence, energy and contacts between people. They welcomed the progress of energy cooperation and said they meant to widen cooperation in higher education, culture, and science and technology. They confirmed that they would keep working together against terrorism, drug trafficking and organised crime, and agreed to work more closely in multilateral forums. On the region they compared views on Afghanistan, the Middle East and South Asia, and backed lasting peace and stability in Afghanistan together with continued humanitarian help for its people. The anniversary year was used to take stock of the relationship. The next round will be held in Moscow on dates both sides find convenient.",
    classification: "RESTRICTED",
  },
  participants: [
    { id: ID(501), side: "HOME", ...homeHead },
    { id: ID(502), side: "COUNTERPART", ...russianHead },
    { id: ID(503), side: "COUNTERPART", ...kabulov },
  ],
  topics: [
    { id: ID(511), category: "POLITICAL", subject: "Political relations", notes: "", isPublic: true },
    { id: ID(512), category: "ECONOMIC", subject: "Economic and trade cooperation", notes: "", isPublic: true },
    { id: ID(513), category: "DEFENCE", subject: "Defence cooperation", notes: "", isPublic: true },
    { id: ID(514), category: "ENERGY", subject: "Energy cooperation", notes: "", isPublic: true },
    { id: ID(515), category: "PEOPLE_TO_PEOPLE", subject: "People-to-people contacts", notes: "", isPublic: true },
  ],
  outcomes: [
    { id: ID(521), type: "SATISFACTION", text: "Both sides welcomed the positive direction of cooperation in the energy sector.", owner: "", dueDate: null, status: null, originId: null, isPublic: true },
    { id: ID(522), type: "AGREEMENT", text: "Intention to expand cooperation in higher education, culture, and science and technology.", owner: "", dueDate: null, status: null, originId: null, isPublic: true },
    { id: ID(523), type: "REAFFIRMATION", text: "Continued joint work against terrorism, drug trafficking and organised crime.", owner: "", dueDate: null, status: null, originId: null, isPublic: true },
    { id: ID(524), type: "AGREEMENT", text: "Closer cooperation in multilateral forums.", owner: "", dueDate: null, status: null, originId: null, isPublic: true },
    { id: ID(525), type: "EXCHANGE_OF_VIEWS", text: "Views exchanged on Afghanistan, the Middle East and South Asia.", owner: "", dueDate: null, status: null, originId: null, isPublic: true },
    { id: ID(526), type: "COMMITMENT", text: "Propose dates for the sixth round in Moscow through diplomatic channels.", owner: "Europe Division", dueDate: "2023-12-31", status: "OPEN", originId: null, isPublic: false },
    { id: ID(527), type: "COMMITMENT", text: "Exchange draft programmes of events marking the 75th anniversary of diplomatic relations.", owner: "Europe Division", dueDate: "2023-03-31", status: "IN_PROGRESS", originId: ID(421), isPublic: true },
    { id: ID(528), type: "COMMITMENT", text: "Hold expert-level talks on energy cooperation before the next round.", owner: "Economic Diplomacy Wing", dueDate: "2022-12-31", status: "OPEN", originId: ID(422), isPublic: false },
  ],
  regionalIssues: [
    { id: ID(531), region: "Afghanistan", positions: "Support for sustainable peace and stability, and for continued humanitarian assistance to the Afghan people; peace in Afghanistan matters for the whole region.", isPublic: true },
    { id: ID(532), region: "Middle East", positions: "Views exchanged.", isPublic: true },
    { id: ID(533), region: "South Asia", positions: "Views exchanged.", isPublic: true },
  ],
  sideMeetings: [],
  references: [{ id: ID(541), title: "Russia–Pakistan Memorandum of Understanding on mutual trade", date: null, url: "" }],
  nextRound: { plan: "TO_BE_FIXED", city: "Moscow", country: "RU", date: null, note: "" },
};

// Generated news inputs for kill tests and the crash benchmark: stories told by several outlets in their own
// words, so that every file is distinct text and an outlet's copies of a story should cluster.
import { writeFileSync } from "node:fs";
import path from "node:path";

// Ten stories, four outlets each: every file is distinct text, and an outlet's copies of a story should cluster.
export const STORIES = [
  [
    "Harbour bridge closes for repairs",
    "the harbour bridge",
    "engineers found cracks in two of the steel supports",
    "the ferry service will add extra crossings",
  ],
  [
    "City council approves new tram line",
    "the eastern tram line",
    "the council voted thirty-one to twelve in favour",
    "construction is due to begin next spring",
  ],
  [
    "Flooding forces evacuation of riverside homes",
    "the river Wend",
    "water rose above the flood wall shortly after midnight",
    "emergency shelters opened in three schools",
  ],
  [
    "Hospital opens new cancer treatment centre",
    "the regional hospital",
    "the centre can treat four hundred patients a week",
    "waiting times are expected to fall by a third",
  ],
  [
    "Teachers vote to strike over pay",
    "the teachers' union",
    "members backed the walkout by a clear majority",
    "schools may close for two days next month",
  ],
  [
    "Wildfire spreads across northern hills",
    "the northern hills",
    "strong winds carried embers across the firebreaks",
    "two villages were told to prepare to leave",
  ],
  [
    "Central bank raises interest rates again",
    "the central bank",
    "the rate rose by a quarter of a point to five percent",
    "mortgage holders face higher monthly payments",
  ],
  [
    "Football club sacks manager after losing run",
    "the football club",
    "the team lost seven of its last nine matches",
    "the assistant coach will take charge on Saturday",
  ],
  [
    "Scientists find new species of frog in rainforest",
    "the rainforest survey",
    "the bright green frog lives only on a single mountain",
    "researchers warn logging threatens its habitat",
  ],
  [
    "Airport strike cancels hundreds of flights",
    "the main airport",
    "baggage handlers walked out over shift changes",
    "passengers were told to check before travelling",
  ],
] as const;

export const OUTLETS = [
  {
    name: "Northern Courier",
    opener: "Officials confirmed on Monday that",
    closer: "A spokesperson said more details would follow later in the week.",
  },
  {
    name: "Daily Ledger",
    opener: "In a statement released on Monday morning, officials said",
    closer: "Critics said the announcement had come far too late.",
  },
  {
    name: "Valley Times",
    opener: "Residents learned on Monday that",
    closer: "Local businesses said they were worried about the weeks ahead.",
  },
  {
    name: "Coastal Post",
    opener: "It emerged on Monday that",
    closer: "The opposition called for an independent review of the decision.",
  },
];

export function articleText(story: (typeof STORIES)[number], outlet: (typeof OUTLETS)[number], n: number): string {
  const [title, subject, fact, consequence] = story;
  return [
    `${outlet.name}`,
    "",
    `${title} (${outlet.name} report ${n})`,
    "",
    `${outlet.opener} ${fact}, in news that affects everyone who depends on ${subject}.`,
    "",
    `According to people familiar with the matter, ${consequence}. The decision followed weeks of discussion, ` +
      `during which ${subject} was the subject of public meetings, letters to the editor and a petition signed by thousands.`,
    "",
    `"We understand that this is difficult for many people," one official told the ${outlet.name}. ` +
      `"But we have a duty to act on the evidence in front of us, and that is what we are doing."`,
    "",
    `Further updates on ${subject} are expected in the coming days. ${outlet.closer}`,
    "",
  ].join("\n");
}

/** Writes one .txt file per story and outlet into `folder`; returns how many. */
export function writeCrashCorpus(folder: string): number {
  let n = 0;
  for (const [s, story] of STORIES.entries()) {
    for (const [o, outlet] of OUTLETS.entries()) {
      n++;
      writeFileSync(
        path.join(folder, `${String(s * OUTLETS.length + o).padStart(3, "0")}-story.txt`),
        articleText(story, outlet, n),
      );
    }
  }
  return n;
}

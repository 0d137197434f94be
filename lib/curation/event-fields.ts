/** An event's editable fields, counts and span: what the curation page shows and the audit log keeps. */
export const curatedEventFields = {
  id: true,
  title: true,
  summary: true,
  pinned: true,
  hidden: true,
  mergedIntoId: true,
  articleCount: true,
  sourceCount: true,
  firstSeenAt: true,
  lastSeenAt: true,
  curatedAt: true,
} as const;

// English: the source catalog of the 'search' namespace. Keys are camelCase and say what the text is for.
export const search = {
  label: 'Search conversations',
  placeholder: 'Search conversations',
  titleWithShortcut: 'Search conversations (Ctrl+K)',
  resultsLabel: 'Search results',
  searching: 'Searching…',
  failed: 'Search failed: {{error}}',
  noHits: 'No conversation mentions “{{query}}”',
  results_one: '{{count}} result',
  results_other: '{{count}} results',
  whereTitle: 'Title',
  whereYou: 'You',
  whereHearth: 'Hearth',
  untitled: 'New chat',
  hitMeta: '{{where}} · {{when}}',
} satisfies Record<string, string>;

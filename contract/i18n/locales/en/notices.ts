// English: the source catalog of the 'notices' namespace. Keys are camelCase and say what the text is for.
export const notices = {
  engineCrashed: 'Engine stopped: {{reason}}. A new engine starts with your next request.',
  savedStateNotUsed:
    'The saved conversation state was not used ({{reason}}). Hearth read the conversation again instead.',
  aSavedStateNotUsed:
    'A saved conversation state was not used ({{reason}}). Hearth read the conversation again instead.',
  stateNotSaved: "This conversation's state could not be saved: {{reason}}",
} satisfies Record<string, string>;

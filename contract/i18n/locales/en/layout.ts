// English: the source catalog of the 'layout' namespace. Keys are camelCase and say what the text is for.
export const layout = {
  errorConversationGone: 'That conversation no longer exists.',
} satisfies Record<string, unknown>;

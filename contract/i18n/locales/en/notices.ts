// English: the source catalog of the 'notices' namespace. Keys are camelCase and say what the text is for.
export const notices = {} satisfies Record<string, unknown>;

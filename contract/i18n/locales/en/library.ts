// English: the source catalog of the 'library' namespace. Keys are camelCase and say what the text is for.
export const library = {} satisfies Record<string, unknown>;

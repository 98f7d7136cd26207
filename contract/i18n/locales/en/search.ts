// English: the source catalog of the 'search' namespace. Keys are camelCase and say what the text is for.
export const search = {} satisfies Record<string, unknown>;

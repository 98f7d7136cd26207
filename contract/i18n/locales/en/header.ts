// English: the source catalog of the 'header' namespace. Keys are camelCase and say what the text is for.
export const header = {} satisfies Record<string, unknown>;

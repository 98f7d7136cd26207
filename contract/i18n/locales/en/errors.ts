// English: the source catalog of the 'errors' namespace. Keys are camelCase and say what the text is for.
export const errors = {} satisfies Record<string, unknown>;

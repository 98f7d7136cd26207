// English: the source catalog of the 'settings' namespace. Keys are camelCase and say what the text is for.
export const settings = {} satisfies Record<string, unknown>;

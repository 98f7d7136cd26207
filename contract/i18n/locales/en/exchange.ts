// English: the source catalog of the 'exchange' namespace. Keys are camelCase and say what the text is for.
export const exchange = {} satisfies Record<string, unknown>;

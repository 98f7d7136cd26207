// English: the source catalog of the 'layout' namespace. Keys are camelCase and say what the text is for.
export const layout = {} satisfies Record<string, unknown>;

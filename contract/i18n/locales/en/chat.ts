// English: the source catalog of the 'chat' namespace. Keys are camelCase and say what the text is for.
export const chat = {} satisfies Record<string, unknown>;

// English: the source catalog of the 'documents' namespace. Keys are camelCase and say what the text is for.
export const documents = {} satisfies Record<string, unknown>;

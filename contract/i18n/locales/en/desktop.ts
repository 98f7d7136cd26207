// English: the 'desktop' namespace — what the desktop app's own windows and file dialogs say.
export const desktop = {
  chooseModelFile: 'Import a GGUF model',
  modelFiles: 'GGUF models',
  chooseDocuments: 'Import documents',
  documentFiles: 'Documents',
  chooseModelsFolder: 'Choose the models folder',
} satisfies Record<string, string>;

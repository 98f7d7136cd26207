// English: the 'errors' namespace — errors main reports (AppError.localized), shown in the UI's language.
export const errors = {
  conversationGone: 'That conversation no longer exists.',
  openFolderYourself: 'Open this folder from your file manager: {{path}}',
  notAFolder: '{{path}} is not a folder.',
  findFileYourself: 'Find it in your file manager: {{path}}',
  enterModelPath: 'Enter the path of the model file.',
  enterFolderPath: 'Enter the path of the folder.',
  enterDocumentPaths: 'Enter the paths of the documents.',
  connectionLost: 'Lost the connection to Hearth. Reconnecting…',
  requestTooLarge: 'This request is too large to send to Hearth.',
  notAReranker: 'This model cannot rank passages: it is not a reranker.',
} satisfies Record<string, string>;

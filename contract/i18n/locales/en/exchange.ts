// English: the source catalog of the 'exchange' namespace. Keys are camelCase and say what the text is for.
export const exchange = {
  // Errors main writes (AppError.localized(..., 'exchange')).
  errorTooLarge: 'This file is {{size}} MB; Hearth imports conversation files up to {{max}} MB.',
  errorTooManyValues:
    'This file is not a Hearth conversation export: it holds far more items than an export of its size can.',
  errorNotJson: 'This file is not a Hearth conversation export: it is not JSON.',
  errorNotExport: 'This file is not a Hearth conversation export.',
  errorArchive: 'This file is an archive of all conversations. Import the export of one conversation (JSON) instead.',
  errorNewerVersion:
    'This file was made by a newer Hearth (format version {{version}}); this Hearth reads versions up to {{supported}}. Update Hearth to import it.',
  errorInvalid: 'This conversation file is damaged or was changed by hand: {{detail}}',
  errorDuplicateId: 'Message {{id}} appears twice.',
  errorRootNotQuestion: 'Message {{id}} starts the conversation but is not a question.',
  errorMissingParent:
    'Message {{id}} points to a missing parent ({{parentId}}): a reply must come after the message it replies to.',
  errorSameRole: 'Message {{id}} replies to message {{parentId}}, which has the same role.',
  errorNotAChain: 'Message {{id}} does not follow the message before it, yet the file says it holds one branch.',
  errorTwoRoots: 'The file says it holds one branch, but {{count}} messages start it.',
  errorMissingLeaf: 'The active branch ends at message {{id}}, which is not in the file.',
  errorLeafNotLast: 'The active branch must end at the last message of the file.',
  errorUploadLost: 'The import was interrupted. Choose the file again.',
  errorTooManyUploads: 'Several imports are already under way. Wait for them to finish, then try again.',
  errorConversationGone: 'That conversation no longer exists.',
  errorExportTooLarge:
    'This conversation is {{size}} MB as a file; exports are limited to {{max}} MB so that Hearth can import them again. Export the active branch instead.',
  errorUnexportable: 'This conversation could not be exported: {{detail}}',

  // The Markdown export (written by main in the UI's language).
  markdownYou: 'You',
  markdownAssistant: 'Assistant',
  markdownModel: 'Model: {{model}}',
  markdownNoModel: 'Model: none chosen',
  markdownExported: 'Exported: {{date}}',
  markdownScopeBranch: 'Messages: the active branch',
  markdownScopeTree: 'Messages: every branch, each numbered; a reply names the message it follows',
  markdownDocuments: 'Documents: {{names}}',
  markdownStrict: 'Answers only from these documents.',
  markdownSystemPrompt: 'System prompt',
  markdownStatesNote: 'Saved states are not included: each belongs to one model file and one engine build.',
  markdownSources: 'Sources',
  markdownPage: 'page {{page}}',
  markdownReplyTo: 'reply to #{{n}}',
  markdownInterrupted: 'Interrupted: {{detail}}',
  markdownFailed: 'Failed: {{detail}}',

  // The export dialog (renderer).
  exportButton: 'Export conversation',
  exportTitle: 'Export conversation',
  formatLegend: 'Format',
  formatMarkdown: 'Markdown, to read or share',
  formatJson: 'JSON, to import into Hearth',
  scopeLegend: 'Messages',
  scopeBranch: 'The branch shown',
  scopeTree: 'Every branch',
  statesNotIncluded: 'Saved states are not exported: each belongs to one model file and one engine build.',
  exportAction: 'Export',
  exporting: 'Exporting…',
  exported: 'Exported {{fileName}}.',

  // The sidebar's footer (renderer).
  exportAll: 'Export all conversations',
  exportingAll: 'Exporting…',
  importConversation: 'Import conversation…',
  importing: 'Importing…',
  imported: 'Imported “{{title}}”.',
  errorFileTooLarge: 'This file is {{size}}; Hearth imports conversation files up to {{max}}.',
  errorFileUnreadable: 'The file could not be read.',
} satisfies Record<string, string>;

// English: the source catalog of the 'chat' namespace. Keys are camelCase and say what the text is for.
export const chat = {
  startingHearth: 'Starting Hearth…',
  messagesLabel: 'Messages',

  // The composer
  composerLabel: 'Message',
  composerPlaceholder: 'Message Hearth…',
  composerPlaceholderNoModel: 'Choose a model above, then type your message…',
  send: 'Send',
  sendWithKey: 'Send (Enter)',
  stop: 'Stop',
  stopWithKey: 'Stop (Esc)',
  waitForAnswer: 'Wait for the answer to finish, or stop it',
  hintAnswering: 'Answering… Esc stops.',
  hintKeys: 'Enter to send · Shift+Enter for a new line',
  lengthCounter: '{{length}} / {{max}}',
  lengthCounterLabel: '{{length}} of {{max}} characters',
  pasteCut: 'The paste was cut to {{max}} characters',

  // A message
  you: 'You',
  hearth: 'Hearth',
  youSaid: 'You said',
  hearthAnswered: 'Hearth answered',
  copyMessage: 'Copy message',
  copyAsMarkdown: 'Copy as Markdown',
  editMessage: 'Edit message',
  editAndSendAgain: 'Edit and send again',
  regenerate: 'Regenerate the answer',
  regenerateTitle: 'Write a new version of this answer',
  loadingModel: 'Loading the model…',
  modelOnEngine: '{{model}} on {{engine}}',
  engineOnHost: '{{engine}} ({{host}})',
  remote: 'remote',
  weakEvidence:
    'Weak evidence: none of the sources below clearly covers this question. Check them before relying on the answer.',
  sourcesTitle: 'Sources',
  sourceWithHeadings: '{{where}} ({{headings}})',
  sourceWithEvidence: '{{title}}. {{evidence}}',
  savedStateNotUsed: 'A saved state was not used: {{reason}}',
  remoteNotice: 'Messages in this conversation go to {{where}}: the text leaves this PC.',

  // Versions of a message
  versionsLabel: 'Versions of this message',
  previousVersion: 'Previous version',
  nextVersion: 'Next version',
  versionPosition: 'Version {{index}} of {{count}}',
  deleteVersion: 'Delete this version',

  // Editing a question
  editLabel: 'Edit your message',
  editWait: 'Wait for the answer to finish, or stop it.',
  editHint: 'Sends a new version. The current one stays.',
  sending: 'Sending…',

  // Documents beside the composer
  documents: 'Documents',
  documentCount_one: '{{count}} document',
  documentCount_other: '{{count}} documents',
  attachDocuments: 'Attach documents to this conversation',
  attachedChange_one: '{{count}} document attached. Change',
  attachedChange_other: '{{count}} documents attached. Change',
  attachedStrictChange_one: '{{count}} document attached, answers only from them. Change',
  attachedStrictChange_other: '{{count}} documents attached, answers only from them. Change',
  answerFromDocuments: 'Answer from documents',
  onlyThese: 'only these',

  // Why an answer ended (describeStopReason)
  stopError: 'Error',
  stopStopped: 'Stopped',
  stopEngineStopped: 'Interrupted: the engine stopped',
  stopAppClosed: 'Interrupted: Hearth closed',
  stopMaxTokens: 'Cut off at the max tokens limit',
  stopNotInDocuments: 'Written by Hearth: the documents do not cover this, so no model was asked',
  stopInterrupted: 'Interrupted',
  stoppedByYou: 'Stopped by you.',
  stoppedByYouBeforeStart: 'Stopped by you before the answer started.',

  // How the context was prepared (describeContext)
  tokens_one: '{{formatted}} token',
  tokens_other: '{{formatted}} tokens',
  milliseconds: '{{value}} ms',
  seconds: '{{value}} s',
  contextRead: 'Read {{tokens}} in {{time}} before answering.',
  contextStateLabel: 'Resumed from saved state · {{time}}',
  contextStateDetail: 'Started from a saved state. {{read}}',
  contextPromptCacheLabel: 'Started from the cached system prompt · {{time}}',
  contextPromptCacheDetail: 'Started from the saved system-prompt state. {{read}}',
  contextLiveLabel: 'Continued in memory · {{tokens}}',
  contextLiveDetail: 'The engine still held this conversation. {{read}}',
  contextRereadLabel: 'Re-read {{tokens}} · {{time}}',
  contextRereadDetail: 'Read the whole conversation again. {{read}}',

  // Figures under an answer (formatStats)
  statsRate: '{{rate}} tok/s',
  statsFirstToken: 'first token {{time}}',

  // Markdown
  codeLanguageNone: 'text',
  copyCode: 'Copy code',
  image: 'Image',
  imageWithAlt: 'Image: {{alt}}',
  citationLabel: 'Source {{n}}: {{where}}',

  // Screen reader announcements
  announceAnswering: 'Answering…',
  announceAnsweringAgain: 'Hearth is answering again…',
  announceAnsweringEdited: 'Hearth is answering your edited message…',
  announceComplete: 'Answer complete.',
  announceCompleteWith: 'Answer complete. {{start}}',
  announceStopped: 'Answer stopped.',
  announceInterrupted: 'Answer interrupted. {{detail}}',
  announceFailed: 'Answer failed. {{detail}}',
  announceVersion: 'Version {{index}} of {{count}}.',
  announceDownloaded: '{{file}} is downloaded and ready.',
  announceDownloadFailed: 'Download of {{file}} failed.',
  announceIndexed: '{{file}} is indexed.',
  announceImportFailed: 'Import of {{file}} failed.',
  folderNotOpened: 'Hearth could not open the folder. Open {{dir}} from your file manager.',
  theModelsFolder: 'the models folder',
} satisfies Record<string, string>;

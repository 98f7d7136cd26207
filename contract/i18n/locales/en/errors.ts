// English: the source catalog of the 'errors' namespace. Keys are camelCase and say what the text is for.
export const errors = {
  conversationNotFound: 'That conversation no longer exists.',
  messageNotInConversation: 'That message is not in this conversation.',
  conversationBusy: 'An answer is still being written in this conversation. Stop it first.',
  busyBeforeSwitchingBranches: 'Wait for the answer to finish, or stop it, before switching branches.',
  busyBeforeDeletingBranch: 'Wait for the answer to finish, or stop it, before deleting a branch.',
  noModelChosen: 'Choose a model for this conversation first.',
  editOwnMessagesOnly: 'Only your own messages in this conversation can be edited.',
  noAnswerToRegenerate: 'There is no answer to write again.',
  noQuestionToAnswer: 'There is no question to answer again.',
  regenerateNotInDocuments:
    'Hearth wrote this answer because the documents do not cover the question. Edit the question and send it again to search them again.',
  engineStoppedAfterLoad: 'The engine stopped right after loading the model.',
  engineStartTimeout: 'The engine did not start within {{seconds}} s.',
  engineCouldNotStart: 'The engine could not start: {{reason}}',
  engineShutDown: 'The engine was shut down.',
  engineStoppedWithReason: 'Engine stopped: {{reason}}',
  engineStoppedBeforeReady: 'The engine stopped before it was ready.',
  engineHasStopped: 'The engine has stopped.',
  stoppedBeforeAnswer: 'Stopped before the answer started.',
  modelLoadStoppedTwice:
    '{{name}} could not be loaded: the engine stopped while loading it, twice ({{first}}; then {{second}}). The file may be damaged or too large for this machine.',
  databaseOpenFailed: 'Could not open the database at {{path}}: {{reason}}',
  databaseIntegrityFailed:
    'The database at {{path}} failed its integrity check ({{result}}). Hearth has not changed it. Move the file aside to start afresh, or restore a backup.',
  databasePrepareFailed: 'Could not prepare the database at {{path}}: {{reason}}',
  engineNoModelLoaded: 'No model is loaded in the engine.',
  engineAlreadyAnswering: 'The engine is already answering.',
  generationFailed: 'Generation failed: {{reason}}',
  llamaCouldNotLoad: 'llama.cpp could not load {{file}}: {{detail}}',
  modelMetadataUnreadable: '{{name}} has metadata that cannot be read: the file is corrupt.',
  modelArchitectureMissing: '{{name}} does not name its architecture (general.architecture is missing).',
} satisfies Record<string, string>;

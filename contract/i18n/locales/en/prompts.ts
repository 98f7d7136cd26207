// English: texts Hearth gives the model (and answers it writes itself), in the UI's language so
// that a model answers in the language the user reads.
export const prompts = {
  defaultSystemPrompt: 'You are Hearth, a helpful assistant running privately on this computer.',
  groundingIntro:
    'Answer the question from the numbered sources below. Cite the sources you use in brackets, like [1].',
  groundingStrictRule:
    'Use only these sources. If they do not contain the answer, reply that the documents do not contain it.',
  groundingLooseRule: 'Prefer these sources; if you add anything they do not say, make that clear.',
  groundingQuestion: 'Question: {{question}}',
  noPassageMatched:
    '{{question}}\n\n(No passage of the attached documents matched this question. If you answer, say that it is not from the documents.)',
  notInDocuments: 'The attached documents do not contain a passage about this, so I cannot answer it from them.',
  documentsDoNotCover: 'The attached documents do not cover this.',
  closestPassage:
    'The closest passage is [1] ({{where}}), with a relevance of {{relevance}}; Hearth answers from a passage scoring at least {{minRelevance}}.',
  page: 'page {{page}}',
  listSeparator: ', ',
  // Document tools (main/documents/tools): the conversation's title and first message, and what the model is asked.
  toolReadTitle: 'Read {{name}}',
  toolSummaryTitle: 'Summarise {{name}}',
  toolKeyPointsTitle: 'Key points of {{name}}',
  toolReadIntro: 'Here is the document "{{name}}". Read it; questions about it follow.',
  toolReadReply: 'Reply only: Ready.',
  toolDocumentIntro: 'Here is the document "{{name}}".',
  toolSummaryAsk: 'Write a summary of the whole document in a few paragraphs.',
  toolKeyPointsAsk: 'List the key points of the whole document as short bullet points.',
  toolPartSummariesIntro: 'Here are summaries of the consecutive parts of the document "{{name}}".',
  toolPartLabel: '[Part {{part}}]',
  toolPartIntro: 'This is part {{part}} of {{parts}} of the document "{{name}}".',
  toolSummariesIntro: 'This is summaries of parts of the document "{{name}}".',
  toolSummariseIt: 'Summarise it in a few sentences.',
  toolNoSummary: '(no summary)',
} satisfies Record<string, string>;

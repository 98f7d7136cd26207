import { promptText, type Language } from '../../../contract/i18n/index.js';
import type { DocumentTool } from './DocumentTools.js';

/**
 * What the document tools write: the conversation's title (its first, visible message) and what
 * the model is given, in the UI's language. The document's own text is joined between the
 * instructions, never interpolated into a catalog text.
 */

/** "Summarise guide.pdf": the conversation's title and the question shown as its first message. */
export function toolTitle(language: Language, tool: DocumentTool, name: string): string {
  switch (tool) {
    case 'summary':
      return promptText(language, 'toolSummaryTitle', { name });
    case 'key-points':
      return promptText(language, 'toolKeyPointsTitle', { name });
    case 'read':
      return promptText(language, 'toolReadTitle', { name });
    default:
      return tool satisfies never;
  }
}

/** The whole document read into the conversation, for later questions to start from. */
export function readPrompt(language: Language, name: string, text: string): string {
  return [promptText(language, 'toolReadIntro', { name }), text, promptText(language, 'toolReadReply')].join('\n\n');
}

function ask(language: Language, tool: 'summary' | 'key-points'): string {
  return promptText(language, tool === 'summary' ? 'toolSummaryAsk' : 'toolKeyPointsAsk');
}

/** A summary or key points of a document that fits the context whole. */
export function wholeDocumentPrompt(
  language: Language,
  tool: 'summary' | 'key-points',
  name: string,
  text: string,
): string {
  return [promptText(language, 'toolDocumentIntro', { name }), text, ask(language, tool)].join('\n\n');
}

/** The reduce step: a summary or key points from the summaries of the document's parts, in order. */
export function partSummariesPrompt(
  language: Language,
  tool: 'summary' | 'key-points',
  name: string,
  summaries: readonly string[],
): string {
  return [
    promptText(language, 'toolPartSummariesIntro', { name }),
    ...summaries.map((summary, index) => `${promptText(language, 'toolPartLabel', { part: index + 1 })}\n${summary}`),
    ask(language, tool),
  ].join('\n\n');
}

/**
 * The map step: one part of the document (`part` of `parts`, 1-based) or, from the second level
 * on (`part` null), a group of partial summaries, to be summarised alone.
 */
export function summarisePartPrompt(
  language: Language,
  name: string,
  text: string,
  part: { part: number; parts: number } | null,
): string {
  const intro = part
    ? promptText(language, 'toolPartIntro', { ...part, name })
    : promptText(language, 'toolSummariesIntro', { name });
  return [intro, text, promptText(language, 'toolSummariseIt')].join('\n\n');
}

/** What stands for a part the model said nothing about. */
export function noSummary(language: Language): string {
  return promptText(language, 'toolNoSummary');
}

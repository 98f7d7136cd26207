import type { Language } from '../../contract/i18n/index.js';
import type { ConversationExport, ExportedMessage, ExportedModel } from '../../contract/index.js';
import { exchangeText } from './exchangeText.js';

/**
 * A conversation to read: title, model, date, the messages under role headings, each answer's
 * sources as a numbered list after it, and a line saying saved states are not included. A tree
 * export numbers its messages and names the one each reply follows where that is not the one
 * just above it (a branch starts there).
 */
export function renderMarkdown(data: ConversationExport, language: Language): string {
  const text = (key: Parameters<typeof exchangeText>[1], params?: Parameters<typeof exchangeText>[2]) =>
    exchangeText(language, key, params);
  const { conversation } = data;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(data.exportedAt);
  const lines: string[] = [`# ${oneLine(conversation.title)}`, ''];
  lines.push(
    `- ${conversation.model ? text('markdownModel', { model: modelName(conversation.model) }) : text('markdownNoModel')}`,
    `- ${text('markdownExported', { date })}`,
    `- ${text(data.branch === 'active' ? 'markdownScopeBranch' : 'markdownScopeTree')}`,
  );
  if (conversation.documents.names.length > 0) {
    const names = conversation.documents.names.join(', ');
    lines.push(
      `- ${text('markdownDocuments', { names })}${conversation.documents.strict ? ` ${text('markdownStrict')}` : ''}`,
    );
  }
  lines.push('', `> ${text('markdownStatesNote')}`, '');
  if (conversation.systemPrompt.trim()) {
    lines.push(`## ${text('markdownSystemPrompt')}`, '', fenced(conversation.systemPrompt), '');
  }
  lines.push('---', '');

  const numbers = new Map(data.messages.map((message, index) => [message.id, index + 1]));
  let previous: string | null = null;
  for (const message of data.messages) {
    const role = message.role === 'user' ? text('markdownYou') : text('markdownAssistant');
    const parts = data.branch === 'tree' ? [`#${numbers.get(message.id)}`, role] : [role];
    if (message.role === 'assistant' && message.model) parts.push(modelName(message.model));
    let heading = parts.join(' · ');
    if (data.branch === 'tree' && message.parentId !== null && message.parentId !== previous) {
      heading += ` (${text('markdownReplyTo', { n: numbers.get(message.parentId) ?? '?' })})`;
    }
    lines.push(`### ${heading}`, '', message.content, '');
    const outcome = statusLine(message, text);
    if (outcome) lines.push(`> ${outcome}`, '');
    if (message.citations.length > 0) {
      lines.push(`**${text('markdownSources')}**`, '');
      for (const citation of message.citations) {
        const where = [
          citation.fileName,
          ...(citation.page !== null ? [text('markdownPage', { page: citation.page })] : []),
          ...(citation.headingPath.length > 0 ? [citation.headingPath.join(' › ')] : []),
        ];
        lines.push(`- \\[${citation.n}\\] ${oneLine(where.join(', '))}`);
      }
      lines.push('');
    }
    previous = message.id;
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function statusLine(
  message: ExportedMessage,
  text: (key: 'markdownInterrupted' | 'markdownFailed', params: { detail: string }) => string,
): string | null {
  const detail = message.detail ?? message.stopReason ?? '';
  if (message.status === 'interrupted') return text('markdownInterrupted', { detail });
  if (message.status === 'error') return text('markdownFailed', { detail });
  return null;
}

/** What the UI calls a model: its file name without `.gguf`. */
function modelName(model: ExportedModel): string {
  return model.fileName.replace(/\.gguf$/i, '');
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A code block whose fence is longer than any run of backticks inside, so the text cannot end it. */
function fenced(value: string): string {
  const longest = Math.max(2, ...Array.from(value.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${value}\n${fence}`;
}

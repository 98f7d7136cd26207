import { basename } from 'node:path';
import { type ChatHistoryItem, JinjaTemplateChatWrapper, resolveChatWrapper } from 'node-llama-cpp';
import { checkModelFile } from './checkModelFile.js';

const SAMPLE_HISTORY: ChatHistoryItem[] = [
  { type: 'system', text: 'You are a helpful assistant.' },
  { type: 'user', text: 'Hello' },
  { type: 'model', response: ['Hi! How can I help?'] },
  { type: 'user', text: 'Tell me about saved states.' },
];

/**
 * Runs the model's chat template the way a load will: node-llama-cpp picks the chat wrapper by
 * rendering the template against its known wrappers, then a chat renders it for every turn. A
 * template is a program (Jinja): this may loop or allocate without end, which is why it runs
 * only in the throwaway trial engine, where main's deadline and the heap cap end it. A template
 * that merely throws is not fatal (node-llama-cpp then falls back to another wrapper).
 */
export async function renderChatTemplate(modelPath: string): Promise<{ chatWrapper: string; rendered: boolean }> {
  const { fileInfo } = await checkModelFile(modelPath);
  const chatWrapper = resolveChatWrapper({ fileInfo, filename: basename(modelPath), warningLogs: false });
  const template = (fileInfo.metadata.tokenizer as { chat_template?: unknown } | undefined)?.chat_template;
  let rendered = false;
  if (typeof template === 'string' && template.trim() !== '') {
    try {
      new JinjaTemplateChatWrapper({ template }).generateContextState({ chatHistory: SAMPLE_HISTORY });
      rendered = true;
    } catch {
      // A template error: node-llama-cpp falls back to another wrapper when it loads the model.
    }
  }
  return { chatWrapper: chatWrapper?.wrapperName ?? 'none', rendered };
}

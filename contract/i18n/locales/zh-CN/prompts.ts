import type { Catalog } from '../../catalogTypes.js';
import type { prompts as en } from '../en/prompts.js';

// Simplified Chinese: what Hearth gives the model when the UI is in Chinese.
export const prompts: Catalog<typeof en> = {
  defaultSystemPrompt: '你是 Hearth，一个在这台电脑上私密运行的得力助手。',
  groundingIntro: '请根据下面编号的资料回答问题。引用所用资料时，请用方括号标注，例如 [1]。',
  groundingStrictRule: '只使用这些资料。如果资料中没有答案，请回答文档中没有相关内容。',
  groundingLooseRule: '优先使用这些资料；如果补充了资料中没有的内容，请明确说明。',
  groundingQuestion: '问题：{{question}}',
  noPassageMatched: '{{question}}\n\n（所附文档中没有与此问题匹配的段落。如果作答，请说明答案并非来自文档。）',
  notInDocuments: '所附文档中没有关于此问题的段落，因此无法根据文档回答。',
  documentsDoNotCover: '所附文档没有涉及这个问题。',
  closestPassage:
    '最接近的段落是 [1]（{{where}}），相关度为 {{relevance}}；Hearth 只根据相关度不低于 {{minRelevance}} 的段落作答。',
  page: '第 {{page}} 页',
  listSeparator: '，',
  toolReadTitle: '阅读 {{name}}',
  toolSummaryTitle: '总结 {{name}}',
  toolKeyPointsTitle: '{{name}} 的要点',
  toolReadIntro: '下面是文档“{{name}}”。请阅读它，随后会有关于它的问题。',
  toolReadReply: '只需回复：已就绪。',
  toolDocumentIntro: '下面是文档“{{name}}”。',
  toolSummaryAsk: '请用几段话总结整篇文档。',
  toolKeyPointsAsk: '请用简短的项目符号列出整篇文档的要点。',
  toolPartSummariesIntro: '下面是文档“{{name}}”各个连续部分的摘要。',
  toolPartLabel: '[第 {{part}} 部分]',
  toolPartIntro: '这是文档“{{name}}”的第 {{part}} 部分（共 {{parts}} 部分）。',
  toolSummariesIntro: '这是文档“{{name}}”各部分的摘要。',
  toolSummariseIt: '请用几句话概括这部分内容。',
  toolNoSummary: '（无摘要）',
};

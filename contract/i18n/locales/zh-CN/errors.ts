import type { Catalog } from '../../catalogTypes.js';
import type { errors as en } from '../en/errors.js';

// Simplified Chinese for the 'errors' namespace.
export const errors: Catalog<typeof en> = {
  conversationNotFound: '该对话已不存在。',
  messageNotInConversation: '该消息不在此对话中。',
  conversationBusy: '此对话中仍有回答正在生成。请先停止它。',
  busyBeforeSwitchingBranches: '请等待回答完成或先停止它，再切换分支。',
  busyBeforeDeletingBranch: '请等待回答完成或先停止它，再删除分支。',
  noModelChosen: '请先为此对话选择模型。',
  editOwnMessagesOnly: '只能编辑此对话中你自己的消息。',
  noAnswerToRegenerate: '没有可以重新生成的回答。',
  noQuestionToAnswer: '没有可以重新回答的问题。',
  regenerateNotInDocuments:
    '文档中没有涵盖这个问题，因此这个回答由 Hearth 撰写。请编辑问题并重新发送，以再次搜索文档。',
  engineStoppedAfterLoad: '引擎在加载模型后立即停止了。',
  engineStartTimeout: '引擎未能在 {{seconds}} 秒内启动。',
  engineCouldNotStart: '引擎无法启动：{{reason}}',
  engineShutDown: '引擎已关闭。',
  engineStoppedWithReason: '引擎已停止：{{reason}}',
  engineStoppedBeforeReady: '引擎在就绪前停止了。',
  engineHasStopped: '引擎已停止。',
  stoppedBeforeAnswer: '在回答开始前已停止。',
  modelLoadStoppedTwice:
    '无法加载 {{name}}：引擎在加载时两次停止（{{first}}；随后 {{second}}）。文件可能已损坏，或对这台电脑来说太大。',
  databaseOpenFailed: '无法打开位于 {{path}} 的数据库：{{reason}}',
  databaseIntegrityFailed:
    '位于 {{path}} 的数据库未通过完整性检查（{{result}}）。Hearth 没有修改它。请将该文件移到别处以重新开始，或从备份恢复。',
  databasePrepareFailed: '无法准备位于 {{path}} 的数据库：{{reason}}',
  engineNoModelLoaded: '引擎中没有加载模型。',
  engineAlreadyAnswering: '引擎正在回答其他问题。',
  generationFailed: '生成失败：{{reason}}',
  llamaCouldNotLoad: 'llama.cpp 无法加载 {{file}}：{{detail}}',
  modelMetadataUnreadable: '无法读取 {{name}} 的元数据：文件已损坏。',
  modelArchitectureMissing: '{{name}} 没有注明其架构（缺少 general.architecture）。',
  openFolderYourself: '请在文件管理器中打开此文件夹：{{path}}',
  notAFolder: '{{path}} 不是文件夹。',
  findFileYourself: '请在文件管理器中找到它：{{path}}',
  enterModelPath: '请输入模型文件的路径。',
  enterFolderPath: '请输入文件夹的路径。',
  enterDocumentPaths: '请输入文档的路径。',
  connectionLost: '与 Hearth 的连接已断开，正在重新连接…',
  requestTooLarge: '此请求太大，无法发送给 Hearth。',
  notAReranker: '此模型无法为段落排序：它不是重排序模型。',
};

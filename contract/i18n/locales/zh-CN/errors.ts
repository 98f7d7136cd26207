import type { Catalog } from '../../catalogTypes.js';
import type { errors as en } from '../en/errors.js';

// Simplified Chinese for the 'errors' namespace.
export const errors: Catalog<typeof en> = {
  conversationGone: '该对话已不存在。',
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

import type { Catalog } from '../../catalogTypes.js';
import type { desktop as en } from '../en/desktop.js';

// Simplified Chinese for the 'desktop' namespace.
export const desktop: Catalog<typeof en> = {
  chooseModelFile: '导入 GGUF 模型',
  modelFiles: 'GGUF 模型',
  chooseDocuments: '导入文档',
  documentFiles: '文档',
  chooseModelsFolder: '选择模型文件夹',
};

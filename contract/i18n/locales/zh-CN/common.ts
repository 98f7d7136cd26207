import type { Catalog } from '../../catalogTypes.js';
import type { common as en } from '../en/common.js';

// Simplified Chinese for the 'common' namespace.
export const common: Catalog<typeof en> = {
  dismiss: '关闭提示',
  close: '关闭',
  cancel: '取消',
  save: '保存',
  delete: '删除',
};

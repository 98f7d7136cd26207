import type { Catalog } from '../../catalogTypes.js';
import type { common as en } from '../en/common.js';

// Simplified Chinese for the 'common' namespace.
export const common: Catalog<typeof en> = {
  dismiss: '关闭提示',
  close: '关闭',
  cancel: '取消',
  save: '保存',
  delete: '删除',
  open: '打开',
  reload: '重新加载',
  copy: '复制',
  copied: '已复制',
  copyFailed: '复制失败',
  copyPath: '复制{{label}}路径',
  connectionLost: '与 Hearth 的连接已断开，正在重新连接…',
  memory: '内存',
  warnings: '警告',
  why: '原因',
  weights: '权重',
  context: '上下文',
  onGpu: 'GPU 上',
  inRam: '内存中',
};

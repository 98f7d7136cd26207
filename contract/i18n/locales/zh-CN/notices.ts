import type { Catalog } from '../../catalogTypes.js';
import type { notices as en } from '../en/notices.js';

// Simplified Chinese for the 'notices' namespace.
export const notices: Catalog<typeof en> = {
  engineCrashed: '引擎已停止：{{reason}}。下次请求时会启动新的引擎。',
  savedStateNotUsed: '未使用已保存的对话状态（{{reason}}）。Hearth 已改为重新读取对话。',
  aSavedStateNotUsed: '有一个已保存的对话状态未被使用（{{reason}}）。Hearth 已改为重新读取对话。',
  stateNotSaved: '无法保存此对话的状态：{{reason}}',
};

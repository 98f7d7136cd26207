import type { Catalog } from '../../catalogTypes.js';
import type { layout as en } from '../en/layout.js';

// Simplified Chinese for the 'layout' namespace.
export const layout: Catalog<typeof en> = {
  errorConversationGone: '该对话已不存在。',
};

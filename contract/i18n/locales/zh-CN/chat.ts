import type { Catalog } from '../../catalogTypes.js';
import type { chat as en } from '../en/chat.js';

// Simplified Chinese for the 'chat' namespace.
export const chat: Catalog<typeof en> = {};

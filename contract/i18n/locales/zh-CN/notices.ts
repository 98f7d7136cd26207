import type { Catalog } from '../../catalogTypes.js';
import type { notices as en } from '../en/notices.js';

// Simplified Chinese for the 'notices' namespace.
export const notices: Catalog<typeof en> = {};

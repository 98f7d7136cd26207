import type { Catalog } from '../../catalogTypes.js';
import type { settings as en } from '../en/settings.js';

// Simplified Chinese for the 'settings' namespace.
export const settings: Catalog<typeof en> = {};

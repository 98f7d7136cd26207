import type { Catalog } from '../../catalogTypes.js';
import type { library as en } from '../en/library.js';

// Simplified Chinese for the 'library' namespace.
export const library: Catalog<typeof en> = {};

import type { Catalog } from '../../catalogTypes.js';
import type { search as en } from '../en/search.js';

// Simplified Chinese for the 'search' namespace.
export const search: Catalog<typeof en> = {};

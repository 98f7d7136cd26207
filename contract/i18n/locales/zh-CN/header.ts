import type { Catalog } from '../../catalogTypes.js';
import type { header as en } from '../en/header.js';

// Simplified Chinese for the 'header' namespace.
export const header: Catalog<typeof en> = {};

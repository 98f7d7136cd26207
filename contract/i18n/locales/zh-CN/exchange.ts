import type { Catalog } from '../../catalogTypes.js';
import type { exchange as en } from '../en/exchange.js';

// Simplified Chinese for the 'exchange' namespace.
export const exchange: Catalog<typeof en> = {};

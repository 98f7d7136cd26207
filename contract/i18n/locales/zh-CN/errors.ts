import type { Catalog } from '../../catalogTypes.js';
import type { errors as en } from '../en/errors.js';

// Simplified Chinese for the 'errors' namespace.
export const errors: Catalog<typeof en> = {};

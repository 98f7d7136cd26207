import type { Catalog } from '../../catalogTypes.js';
import type { documents as en } from '../en/documents.js';

// Simplified Chinese for the 'documents' namespace.
export const documents: Catalog<typeof en> = {};

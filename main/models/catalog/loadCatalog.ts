import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CatalogSchema, type Catalog } from '../../../contract/index.js';

/** The catalog ships beside this module (the build copies it next to the compiled file). */
export const CATALOG_PATH = fileURLToPath(new URL('./catalog.json', import.meta.url));

/** Reads and validates the catalog; a broken file is a packaging error, reported as such. */
export function loadCatalog(path = CATALOG_PATH): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`The model catalog ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const parsed = CatalogSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`The model catalog ${path} is invalid at ${first?.path.join('.')}: ${first?.message}`);
  }
  return parsed.data;
}

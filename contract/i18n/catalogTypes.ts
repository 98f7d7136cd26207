/**
 * A translation of a catalog: the same keys as the English one, every leaf a string. The compiler
 * thus refuses a Chinese catalog that misses a key or adds one. Plural keys keep i18next's
 * suffixes (`_one`, `_other`); Chinese has one plural form, but still spells out `_one` (the same
 * text as `_other`) so that the key sets stay identical.
 */
export type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** Values a message may interpolate (`{{name}}`); `count` also chooses the plural form. */
export type TextParams = Record<string, string | number>;

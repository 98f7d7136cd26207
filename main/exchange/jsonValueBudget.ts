/**
 * JSON.parse of 64 MB of `{},{},…` builds 22 million objects: 1.5 GB of heap and tens of seconds
 * of main's event loop, before any schema can refuse them. A file within the size limit is thus
 * also scanned first (one pass, no allocation) and refused when it holds more objects and arrays,
 * or more values, than an export of that size can: a real export spends over 50 bytes on each
 * object (a citation is the smallest) and over 10 bytes on each value.
 */
export const MAX_JSON_CONTAINERS = 1_500_000;
export const MAX_JSON_VALUES = 7_000_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const COMMA = 0x2c;

/** Whether `text` stays within the budgets (counting only outside strings; invalid JSON is JSON.parse's to refuse). */
export function withinJsonValueBudget(
  text: string,
  { containers = MAX_JSON_CONTAINERS, values = MAX_JSON_VALUES } = {},
): boolean {
  let inString = false;
  let escaped = false;
  let containerCount = 0;
  let valueCount = 1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (escaped) escaped = false;
      else if (code === BACKSLASH) escaped = true;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++containerCount > containers) return false;
      if (++valueCount > values) return false;
    } else if (code === COMMA) {
      if (++valueCount > values) return false;
    }
  }
  return true;
}

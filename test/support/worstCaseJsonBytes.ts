import { z } from 'zod';

/** A JSON Schema node, as `z.toJSONSchema` writes it (only the keywords the bound needs). */
interface JsonSchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  maxLength?: number;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxItems?: number;
  items?: JsonSchemaNode;
  prefixItems?: JsonSchemaNode[];
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: boolean | JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
  $ref?: string;
  $defs?: Record<string, JsonSchemaNode>;
}

/**
 * `JSON.stringify` writes one UTF-16 code unit as at most six bytes: a control character or a lone
 * surrogate becomes `\uXXXX`. (A character outside the BMP is two code units and four UTF-8 bytes.)
 */
const BYTES_PER_CHAR = 6;
/** A character class of letter and digit ranges and `_.:-` only: characters JSON writes as themselves. */
const PLAIN_CLASS = /^\[(?:[0-9]-[0-9]|[a-z]-[a-z]|[A-Z]-[A-Z]|[A-Za-z0-9_.:-])*\]$/;
/** The longest text a finite double has in JSON, e.g. `-2.2250738585072014e-308`. */
const NUMBER_BYTES = 24;

/**
 * The most bytes the JSON text of any value `schema` accepts can take (Infinity when the schema
 * leaves a size unbounded). Computed from the schema's JSON Schema, so it sees exactly the
 * bounds that validation enforces.
 */
export function worstCaseJsonBytes(schema: z.ZodType): number {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  return bytesOf(root, root.$defs ?? {}, new Set());
}

function bytesOf(node: JsonSchemaNode, defs: Record<string, JsonSchemaNode>, resolving: Set<string>): number {
  if (node.$ref !== undefined) {
    const name = node.$ref.replace('#/$defs/', '');
    const target = defs[name];
    // A recursive schema has no bound unless its depth is limited elsewhere.
    if (!target || resolving.has(name)) return Infinity;
    return bytesOf(target, defs, new Set([...resolving, name]));
  }
  if (node.const !== undefined) return utf8Bytes(JSON.stringify(node.const));
  if (node.enum) return Math.max(...node.enum.map((value) => utf8Bytes(JSON.stringify(value))));
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives) return Math.max(...alternatives.map((option) => bytesOf(option, defs, resolving)));
  if (node.allOf) return Math.min(...node.allOf.map((part) => bytesOf(part, defs, resolving)));
  const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  // No type: any JSON value at all.
  if (types.length === 0) return Infinity;
  return Math.max(...types.map((type) => bytesOfType(type, node, defs, resolving)));
}

function bytesOfType(
  type: string,
  node: JsonSchemaNode,
  defs: Record<string, JsonSchemaNode>,
  resolving: Set<string>,
): number {
  switch (type) {
    case 'null':
      return 4;
    case 'boolean':
      return 5;
    case 'integer': {
      const low = node.minimum ?? node.exclusiveMinimum ?? Number.MIN_SAFE_INTEGER;
      const high = node.maximum ?? node.exclusiveMaximum ?? Number.MAX_SAFE_INTEGER;
      return Math.max(String(low).length, String(high).length);
    }
    case 'number':
      return NUMBER_BYTES;
    case 'string':
      return 2 + stringBytes(node);
    case 'array': {
      const prefix = (node.prefixItems ?? []).map((item) => bytesOf(item, defs, resolving) + 1);
      const rest = node.items && node.maxItems !== undefined ? node.maxItems - prefix.length : 0;
      const restBytes = rest > 0 && node.items ? rest * (bytesOf(node.items, defs, resolving) + 1) : 0;
      if (node.items && node.maxItems === undefined) return Infinity;
      return 2 + prefix.reduce((sum, bytes) => sum + bytes, 0) + restBytes;
    }
    case 'object': {
      if (node.additionalProperties !== false) return Infinity;
      let bytes = 2;
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        bytes += utf8Bytes(JSON.stringify(key)) + 1 + bytesOf(value, defs, resolving) + 1;
      }
      return bytes;
    }
    default:
      return Infinity;
  }
}

/** The most bytes a string's content takes in JSON, from its length limit, format and pattern. */
function stringBytes(node: JsonSchemaNode): number {
  if (node.format === 'uuid') return 36;
  const shape = node.pattern === undefined ? null : patternShape(node.pattern);
  const chars = Math.min(node.maxLength ?? Infinity, shape?.maxChars ?? Infinity);
  return chars * (shape?.plainAscii ? 1 : BYTES_PER_CHAR);
}

/**
 * What a simple anchored pattern (`^[a-z0-9][a-z0-9.-]{1,63}$`: character classes, plain
 * characters, quantifiers) allows: its longest match, and whether every character it allows is
 * printable ASCII that JSON writes as itself. Anything else: null (no help from the pattern).
 */
function patternShape(pattern: string): { maxChars: number; plainAscii: boolean } | null {
  const body = /^\^(.*)\$$/.exec(pattern)?.[1];
  if (body === undefined) return null;
  const atoms = /(\[[^\]\\]*\]|[A-Za-z0-9_.:-])(\{(\d+)(?:,(\d*))?\}|[?*+])?/gy;
  let maxChars = 0;
  let plainAscii = true;
  let consumed = 0;
  for (let match = atoms.exec(body); match; match = atoms.exec(body)) {
    consumed = atoms.lastIndex;
    const [, atom = '', quantifier, exact, upper] = match;
    if (atom.startsWith('[') && !PLAIN_CLASS.test(atom)) plainAscii = false;
    if (quantifier === undefined || quantifier === '?') maxChars += 1;
    else if (quantifier === '*' || quantifier === '+') maxChars = Infinity;
    else if (upper === undefined) maxChars += Number(exact);
    else maxChars += upper === '' ? Infinity : Number(upper);
  }
  return consumed === body.length ? { maxChars, plainAscii } : null;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

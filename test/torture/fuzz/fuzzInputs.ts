import { z } from 'zod';
import type { Scenario } from '../TortureRun.js';

/** The part of JSON Schema that zod's toJSONSchema writes for Hearth's contract. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** One fuzzed call: the frame's text, and what it is, for the report. */
export interface FuzzCase {
  label: string;
  /** The whole WebSocket frame as sent (not always JSON: NaN and Infinity are not). */
  frame: string;
  /** The frame is not JSON or is over the transport's limit: the host may close the socket instead. */
  mayClose: boolean;
}

/** Frames up to this size are expected to be answered; larger ones may be refused by the transport. */
export const FRAME_LIMIT = 1024 * 1024;
const NESTING = 10_000;
/** Stands for a literal JSON.stringify cannot write (NaN, -0, 1e400); replaced in the frame's text. */
const RAW_MARK = 'raw-literal-7f3a9c';
/** Literals that are not JSON at all: the host may refuse the frame (close 1007) instead of answering. */
const NOT_JSON = new Set(['NaN', 'Infinity', '-Infinity']);
const WRONG_TYPES: unknown[] = [0, -1, true, false, null, [], {}, 'text', [null], { a: 1 }];
const NUMBERS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e400',
  '-1e400',
  '9007199254740993',
  '1e308',
  '-1e-400',
  '0.1e-999999',
];
const STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '🔥'.repeat(100),
  '\u202e\u2066evil\u2069',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  'CON',
  '\\\\?\\C:\\Windows',
  '\r\n\t\u000b\u000c',
  "'; DROP TABLE conversations; --",
  '" OR 1=1 --',
  'NEAR(a b) AND "x" * ^ ( )',
  '${process.exit()}',
  '<script>alert(1)</script>',
];
const POLLUTERS = ['__proto__', 'constructor', 'prototype'];
const METHOD_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' app.info',
  'app.info\u0000',
  'APP.INFO',
];

/** JSON Schema of each call's input, as the contract declares it. */
export function inputSchemas(calls: Record<string, { input: z.ZodType }>): Map<string, JsonSchema> {
  return new Map(
    Object.entries(calls).map(([name, spec]) => [
      name,
      z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
    ]),
  );
}

/** A value that (most often) matches the schema, drawn from the scenario's random source. */
export function validSample(schema: JsonSchema, s: Scenario, depth = 0): unknown {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices && choices.length > 0) return validSample(s.pick(choices), s, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return s.pick(schema.enum);
  const type = Array.isArray(schema.type) ? s.pick(schema.type) : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || s.random() < 0.5) value[key] = validSample(property, s, depth + 1);
      }
      return value;
    }
    case 'array': {
      const length = Math.max(schema.minItems ?? 0, s.int(0, Math.min(3, schema.maxItems ?? 3)));
      return Array.from({ length }, () => validSample(schema.items ?? {}, s, depth + 1));
    }
    case 'string':
      return sampleString(schema, s);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = Math.min(schema.maximum ?? min + 100, min + 100);
      return type === 'integer' ? s.int(Math.ceil(min), Math.floor(max)) : min + s.random() * (max - min);
    }
    case 'boolean':
      return s.random() < 0.5;
    case 'null':
      return null;
    case undefined:
    default:
      return s.pick(WRONG_TYPES);
  }
}

function sampleString(schema: JsonSchema, s: Scenario): string {
  if (schema.format === 'uuid') {
    const hex = () => s.int(0, 15).toString(16);
    const part = (n: number) => Array.from({ length: n }, hex).join('');
    return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
  }
  // Relative names that start with a letter: a valid-looking path lands inside the host's own folder.
  const length = Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 12, s.int(1, 12)));
  return `f${Array.from({ length: length - 1 }, () => s.pick([...'abcdefghij0123456789-_'])).join('')}`;
}

/** Every (path, schema) inside an object schema, the root included, so a mutation can land anywhere. */
function slots(schema: JsonSchema, path: string[] = []): { path: string[]; schema: JsonSchema }[] {
  const here = [{ path, schema }];
  const inner = schema.anyOf?.[0] ?? schema;
  if (inner.type !== 'object') return here;
  return [
    ...here,
    ...Object.entries(inner.properties ?? {}).flatMap(([key, property]) => slots(property, [...path, key])),
  ];
}

function setAt(root: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: Record<string, unknown> =
    typeof root === 'object' && root !== null && !Array.isArray(root) ? { ...root } : {};
  const [head = '', ...rest] = path;
  copy[head] = setAt(copy[head], rest, value);
  return copy;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path)
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** 10,000 levels as JSON text (JSON.stringify itself overflows its stack long before that). */
function nestedText(levels: number, asArray: boolean): string {
  return asArray
    ? `${'['.repeat(levels)}"bottom"${']'.repeat(levels)}`
    : `${'{"a":'.repeat(levels)}"bottom"${'}'.repeat(levels)}`;
}

/** An object whose own keys include `key` (JSON.stringify writes an own `__proto__` like any key). */
function withOwnKey(base: unknown, key: string, value: unknown): Record<string, unknown> {
  const object: Record<string, unknown> =
    typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...base } : {};
  Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
  return object;
}

function frameText(method: string, input: unknown, raw?: string): string {
  const text = JSON.stringify({ type: 'call', id: 0, method, input });
  return raw === undefined ? text : text.replace(`"${RAW_MARK}"`, raw);
}

/**
 * One fuzzed call for `method`: a valid input from its schema, then one mutation at a random place
 * (wrong type, missing field, huge string or array, 10,000 levels of nesting, prototype keys,
 * non-finite or huge numbers, hostile strings), or a hostile method name. The frame's id is 0; the
 * sender sets its own.
 */
export function fuzzCase(method: string, schema: JsonSchema, s: Scenario): FuzzCase {
  const base = validSample(schema, s);
  const target = s.pick(slots(schema));
  const at = target.path.join('.') || '(input)';
  const mutation = s.pick([
    'wrong-type',
    'missing',
    'huge-string',
    'huge-array',
    'deep-nesting',
    'pollute',
    'number',
    'string',
    'method',
    'valid',
  ] as const);
  const make = (label: string, input: unknown, raw?: string): FuzzCase => {
    const frame = frameText(method, input, raw);
    return { label: `${method} ${label}`, frame, mayClose: NOT_JSON.has(raw ?? '') || frame.length > FRAME_LIMIT };
  };
  switch (mutation) {
    case 'wrong-type':
      return make(`wrong type at ${at}`, setAt(base, target.path, s.pick(WRONG_TYPES)));
    case 'missing': {
      const required = schema.required ?? [];
      if (required.length === 0) return make('null input', null);
      const input = { ...(base as Record<string, unknown>) };
      delete input[s.pick(required)];
      return make('a required field missing', input);
    }
    case 'huge-string': {
      const length = Math.min((target.schema.maxLength ?? 500_000) + 1, 900_000);
      return make(`${length}-char string at ${at}`, setAt(base, target.path, 'x'.repeat(length)));
    }
    case 'huge-array': {
      const length = Math.min((target.schema.maxItems ?? 100_000) + 1, 150_000);
      return make(
        `${length}-item array at ${at}`,
        setAt(
          base,
          target.path,
          Array.from({ length }, () => 'ab'),
        ),
      );
    }
    case 'deep-nesting':
      return make(
        `${NESTING} levels at ${at}`,
        setAt(base, target.path, RAW_MARK),
        nestedText(NESTING, s.random() < 0.5),
      );
    case 'pollute': {
      const key = s.pick(POLLUTERS);
      const payload = key === 'constructor' ? { prototype: { polluted: true } } : { polluted: true, isAdmin: true };
      return make(
        `own "${key}" key in ${at}`,
        setAt(base, target.path, withOwnKey(valueAt(base, target.path), key, payload)),
      );
    }
    case 'number': {
      const literal = s.pick(NUMBERS);
      return make(`number ${literal} at ${at}`, setAt(base, target.path, RAW_MARK), literal);
    }
    case 'string':
      return make(`hostile string at ${at}`, setAt(base, target.path, s.pick(STRINGS)));
    case 'method': {
      const name = s.pick(METHOD_NAMES);
      return { label: `method ${JSON.stringify(name)}`, frame: frameText(name, base), mayClose: false };
    }
    case 'valid':
      return make('valid input', base);
  }
}

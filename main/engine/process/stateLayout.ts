/**
 * The byte layout of llama.cpp's sequence-state file (`llama_state_seq_save_file`), read without
 * trusting a single count in it. After the header (magic "ggsq", version, token count, token ids)
 * come the model's memory sections, as llama.cpp writes them for one sequence:
 * - attention KV cache (`llama_kv_cache::state_write`): stream count; per stream a cell count, each
 *   cell's position, sequence-id count, optional extension and sequence ids; then "V transposed",
 *   layer count, and per layer the K rows (type, row size, one row per cell), then the V rows
 *   (type, row size, rows; or type, element size, width, columns when transposed);
 * - recurrent state (`llama_memory_recurrent::state_write`): cell count, each cell's position and
 *   sequence-id count, then "S transposed", layer count, per layer the R rows, then the S rows.
 * A model with interleaved sliding-window attention writes two KV sections; a hybrid model a KV
 * section, then a recurrent one.
 *
 * Every count and size is checked against a template learned from a state the loaded model itself
 * wrote (its layer count, tensor types and row sizes come from the model's own dimensions), the
 * cell count and positions against the token count, and the file must end exactly where the last
 * section does: llama.cpp asserts (aborting the engine) on many of these, and reads others without
 * complaint into a state that gives wrong answers.
 */

export const STATE_MAGIC = 0x67677371;
export const STATE_VERSION = 3;
export const STATE_HEADER_BYTES = 12;

/** One tensor's rows in a section: its ggml type and bytes per cell (or per element, transposed). */
export interface RowSpec {
  type: number;
  rowBytes: number;
  /** Transposed V/S tensors: the row width, written after the element size. */
  width?: number;
}

export interface KvSection {
  kind: 'kv';
  streams: number;
  /** Bytes of per-cell extension (M-RoPE positions, token) after the sequence-id count. */
  extBytes: number;
  vTransposed: boolean;
  layers: number;
  k: RowSpec[];
  v: RowSpec[];
}

export interface RecurrentSection {
  kind: 'recurrent';
  layers: number;
  r: RowSpec[];
  s: RowSpec[];
}

export type StateSection = KvSection | RecurrentSection;
export type StateLayout = StateSection[];

/** Where each part of a parsed file lies: for damage generators and error messages. */
export interface ParsedState {
  tokens: number[];
  sections: { kind: StateSection['kind']; cells: number[]; positions: number[]; payloads: [number, number][] }[];
  /** Offsets of the fixed-size header fields of the memory sections (counts, types, sizes). */
  fields: { name: string; offset: number; bytes: number }[];
}

const GGML_F32 = 0;
const GGML_F16 = 1;
const GGML_BF16 = 30;

/**
 * Where a state's bytes come from: a buffer holding the whole file, or a file read a window at a
 * time (stateFile.ts), so that checking a state of tens of megabytes never needs all of it in
 * memory. `read` returns a view that is valid until the next call.
 */
export interface StateBytes {
  readonly length: number;
  read(offset: number, bytes: number): Buffer;
}

/** A whole state in memory as StateBytes. */
export function bytesOf(data: Buffer): StateBytes {
  return { length: data.length, read: (offset, bytes) => data.subarray(offset, offset + bytes) };
}

class StateReader {
  offset = STATE_HEADER_BYTES;
  readonly fields: ParsedState['fields'] = [];
  constructor(readonly data: StateBytes) {}

  #take(bytes: number, what: string): Buffer {
    if (this.offset + bytes > this.data.length) {
      throw new Error(`the state is truncated inside ${what} (at byte ${this.offset} of ${this.data.length})`);
    }
    const view = this.data.read(this.offset, bytes);
    this.offset += bytes;
    return view;
  }

  u32(what: string): number {
    this.fields.push({ name: what, offset: this.offset, bytes: 4 });
    return this.#take(4, what).readUInt32LE(0);
  }

  i32(what: string): number {
    return this.#take(4, what).readInt32LE(0);
  }

  u64(what: string): number {
    this.fields.push({ name: what, offset: this.offset, bytes: 8 });
    const value = this.#take(8, what).readBigUInt64LE(0);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }

  skip(bytes: number, what: string): [number, number] {
    if (this.offset + bytes > this.data.length) {
      throw new Error(`the state is truncated inside ${what} (at byte ${this.offset} of ${this.data.length})`);
    }
    const start = this.offset;
    this.offset += bytes;
    return [start, this.offset];
  }
}

function expectEqual(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw new Error(`the state's ${what} is ${actual}, this model's is ${expected}`);
}

/** One tensor's header and rows; checked against the template's spec when one is given. */
function readRows(
  reader: StateReader,
  cells: number,
  transposed: boolean,
  what: string,
  expected: RowSpec | undefined,
  payloads: [number, number][],
): RowSpec {
  const type = reader.i32(`${what} type`);
  if (expected) expectEqual(type, expected.type, `${what} type`);
  if (!transposed) {
    const rowBytes = reader.u64(`${what} row size`);
    if (expected) expectEqual(rowBytes, expected.rowBytes, `${what} row size`);
    if (rowBytes === 0 || rowBytes > reader.data.length) throw new Error(`the state's ${what} row size is ${rowBytes}`);
    payloads.push(reader.skip(rowBytes * cells, `${what} data`));
    return { type, rowBytes };
  }
  const rowBytes = reader.u32(`${what} element size`);
  const width = reader.u32(`${what} width`);
  if (expected) {
    expectEqual(rowBytes, expected.rowBytes, `${what} element size`);
    expectEqual(width, expected.width ?? -1, `${what} width`);
  }
  if (rowBytes === 0 || width === 0) throw new Error(`the state's ${what} has an empty shape`);
  payloads.push(reader.skip(rowBytes * width * cells, `${what} data`));
  return { type, rowBytes, width };
}

interface ReadRules {
  tokenCount: number;
  contextSize: number;
}

function readKv(
  reader: StateReader,
  template: KvSection | null,
  extBytes: number,
  rules: ReadRules,
  out: ParsedState['sections'],
): KvSection {
  const streams = reader.u32('KV stream count');
  if (template) expectEqual(streams, template.streams, 'KV stream count');
  else if (streams !== 1) throw new Error(`unexpected KV stream count ${streams}`);
  const section: KvSection = { kind: 'kv', streams, extBytes, vTransposed: false, layers: 0, k: [], v: [] };
  const parsed = {
    kind: 'kv' as const,
    cells: [] as number[],
    positions: [] as number[],
    payloads: [] as [number, number][],
  };
  out.push(parsed);
  for (let stream = 0; stream < streams; stream++) {
    const cells = reader.u32('KV cell count');
    parsed.cells.push(cells);
    // One cell per token; a sliding-window cache keeps only the last ones.
    if (cells > rules.tokenCount || cells > rules.contextSize) {
      throw new Error(`the state has ${cells} KV cells for ${rules.tokenCount} tokens`);
    }
    if (cells === 0) continue;
    for (let cell = 0; cell < cells; cell++) {
      const position = reader.i32('KV cell position');
      const expectedPosition = rules.tokenCount - cells + cell;
      if (position !== expectedPosition) {
        throw new Error(`the state's KV cell ${cell} is at position ${position}, not ${expectedPosition}`);
      }
      parsed.positions.push(position);
      expectEqual(reader.u32('KV cell sequence count'), 1, 'KV cell sequence count');
      reader.skip(extBytes, 'KV cell extension');
      expectEqual(reader.i32('KV cell sequence id'), 0, 'KV cell sequence id');
    }
    const vTransposed = reader.u32('KV V-transposed flag');
    if (vTransposed > 1) throw new Error(`the state's V-transposed flag is ${vTransposed}`);
    if (template) expectEqual(vTransposed, Number(template.vTransposed), 'V-transposed flag');
    const layers = reader.u32('KV layer count');
    if (template) expectEqual(layers, template.layers, 'KV layer count');
    else if (layers === 0 || layers > 4096) throw new Error(`unexpected KV layer count ${layers}`);
    section.vTransposed = vTransposed === 1;
    section.layers = layers;
    section.k = [];
    section.v = [];
    for (let layer = 0; layer < layers; layer++) {
      section.k.push(readRows(reader, cells, false, `layer ${layer} K`, template?.k[layer], parsed.payloads));
    }
    for (let layer = 0; layer < layers; layer++) {
      section.v.push(
        readRows(reader, cells, section.vTransposed, `layer ${layer} V`, template?.v[layer], parsed.payloads),
      );
    }
  }
  return section;
}

function readRecurrent(
  reader: StateReader,
  template: RecurrentSection | null,
  rules: ReadRules,
  out: ParsedState['sections'],
): RecurrentSection {
  const cells = reader.u32('recurrent cell count');
  // A sequence owns one recurrent cell, at the position of its last token.
  expectEqual(cells, rules.tokenCount > 0 ? 1 : 0, 'recurrent cell count');
  const parsed = {
    kind: 'recurrent' as const,
    cells: [cells],
    positions: [] as number[],
    payloads: [] as [number, number][],
  };
  out.push(parsed);
  for (let cell = 0; cell < cells; cell++) {
    const position = reader.i32('recurrent cell position');
    expectEqual(position, rules.tokenCount - 1, 'recurrent cell position');
    parsed.positions.push(position);
    expectEqual(reader.u32('recurrent cell sequence count'), 0, 'recurrent cell sequence count');
  }
  expectEqual(reader.u32('S-transposed flag'), 0, 'S-transposed flag');
  const layers = reader.u32('recurrent layer count');
  if (template) expectEqual(layers, template.layers, 'recurrent layer count');
  else if (layers === 0 || layers > 4096) throw new Error(`unexpected recurrent layer count ${layers}`);
  const section: RecurrentSection = { kind: 'recurrent', layers, r: [], s: [] };
  for (let layer = 0; layer < layers; layer++) {
    section.r.push(readRows(reader, cells, false, `layer ${layer} R`, template?.r[layer], parsed.payloads));
  }
  for (let layer = 0; layer < layers; layer++) {
    section.s.push(readRows(reader, cells, false, `layer ${layer} S`, template?.s[layer], parsed.payloads));
  }
  return section;
}

function readHeader(data: StateBytes, vocabularySize: number, contextSize: number): number[] {
  if (data.length < STATE_HEADER_BYTES) throw new Error(`the state is truncated (${data.length} bytes)`);
  const header = data.read(0, STATE_HEADER_BYTES);
  if (header.readUInt32LE(0) !== STATE_MAGIC) throw new Error('the state file has the wrong magic number');
  const version = header.readUInt32LE(4);
  if (version !== STATE_VERSION) throw new Error(`the state file has unknown version ${version}`);
  const tokenCount = header.readUInt32LE(8);
  if (tokenCount > contextSize)
    throw new Error(`the state holds ${tokenCount} tokens, over the context of ${contextSize}`);
  if (STATE_HEADER_BYTES + tokenCount * 4 > data.length) {
    throw new Error(`the state is truncated: ${tokenCount} tokens do not fit`);
  }
  const ids = data.read(STATE_HEADER_BYTES, tokenCount * 4);
  const tokens: number[] = [];
  for (let i = 0; i < tokenCount; i++) {
    const token = ids.readInt32LE(i * 4);
    if (token < 0 || token >= vocabularySize) {
      throw new Error(`the state holds token ${token}, outside the model's vocabulary of ${vocabularySize}`);
    }
    tokens.push(token);
  }
  return tokens;
}

/**
 * Parses a state file's bytes: against `layout` when given (an untrusted file), else against
 * the section kinds named in `shape` (learning a template from a state the model just wrote).
 */
export function parseState(
  bytes: Buffer | StateBytes,
  model: { vocabularySize: number; contextSize: number },
  layout: StateLayout | { shape: StateSection['kind'][]; extBytes: number },
): { parsed: ParsedState; layout: StateLayout } {
  const data = Buffer.isBuffer(bytes) ? bytesOf(bytes) : bytes;
  const tokens = readHeader(data, model.vocabularySize, model.contextSize);
  const reader = new StateReader(data);
  reader.offset = STATE_HEADER_BYTES + tokens.length * 4;
  const rules = { tokenCount: tokens.length, contextSize: model.contextSize };
  const sections: ParsedState['sections'] = [];
  const learned: StateLayout = [];
  const kinds = Array.isArray(layout) ? layout.map((section) => section.kind) : layout.shape;
  kinds.forEach((kind, index) => {
    const template = Array.isArray(layout) ? (layout[index] ?? null) : null;
    if (kind === 'kv') {
      const extBytes = template?.kind === 'kv' ? template.extBytes : Array.isArray(layout) ? 0 : layout.extBytes;
      learned.push(readKv(reader, template?.kind === 'kv' ? template : null, extBytes, rules, sections));
    } else {
      learned.push(readRecurrent(reader, template?.kind === 'recurrent' ? template : null, rules, sections));
    }
  });
  if (reader.offset !== data.length) {
    throw new Error(`the state has ${data.length - reader.offset} bytes after its last section`);
  }
  return { parsed: { tokens, sections, fields: reader.fields }, layout: learned };
}

/** The section shapes llama.cpp may write, most common first, with the KV cell extensions it has. */
const SHAPES: { shape: StateSection['kind'][]; extBytes: number }[] = [
  { shape: ['recurrent'], extBytes: 0 },
  { shape: ['kv'], extBytes: 0 },
  { shape: ['kv', 'kv'], extBytes: 0 },
  { shape: ['kv', 'recurrent'], extBytes: 0 },
  { shape: ['kv'], extBytes: 12 },
  { shape: ['kv', 'kv'], extBytes: 12 },
  { shape: ['kv', 'recurrent'], extBytes: 12 },
];

/**
 * Learns the model's state layout from a state it wrote itself (holding at least one token).
 * Returns null when no known shape fits: states of such a model are not used.
 */
export function learnStateLayout(
  reference: Buffer,
  model: { vocabularySize: number; contextSize: number },
): StateLayout | null {
  for (const shape of SHAPES) {
    try {
      return parseState(reference, model, shape).layout;
    } catch {
      // Not this shape.
    }
  }
  return null;
}

/** A float tensor's bytes in a state, to be scanned for values that are not finite numbers. */
export interface FloatPayload {
  start: number;
  end: number;
  /** Bytes per value: 4 (f32) or 2 (f16, bf16). */
  width: 2 | 4;
  /** The exponent bits that are all ones in an infinity or a NaN. */
  exponent: number;
  what: string;
}

/** The float tensors of a parsed state, in file order (other element types are not scanned). */
export function floatPayloads(parsed: ParsedState, layout: StateLayout): FloatPayload[] {
  return parsed.sections.flatMap((section, index) => {
    const spec = layout[index];
    if (!spec) return [];
    const rows = spec.kind === 'kv' ? [...spec.k, ...spec.v] : [...spec.r, ...spec.s];
    return section.payloads.flatMap(([start, end], payload): FloatPayload[] => {
      const type = rows[payload % rows.length]?.type;
      const what = `${section.kind} tensor ${payload}`;
      if (type === GGML_F32) return [{ start, end, width: 4, exponent: 0x7f800000, what }];
      if (type === GGML_F16) return [{ start, end, width: 2, exponent: 0x7c00, what }];
      if (type === GGML_BF16) return [{ start, end, width: 2, exponent: 0x7f80, what }];
      return [];
    });
  });
}

/** Thrown for the first value of `payload` that is not a finite number. */
export function notFinite(payload: FloatPayload): Error {
  return new Error(`the state's ${payload.what} holds a value that is not a finite number`);
}

/**
 * Checks an untrusted state held in memory against the model's layout, and that its float tensors
 * hold only finite numbers (a NaN or an infinity poisons every later answer). Returns the token
 * count. (Files are checked a window at a time: stateFile.ts.)
 */
export function checkStateBytes(
  data: Buffer,
  model: { vocabularySize: number; contextSize: number },
  layout: StateLayout,
): number {
  const { parsed } = parseState(data, model, layout);
  for (const payload of floatPayloads(parsed, layout)) {
    const values = Math.floor((payload.end - payload.start) / payload.width);
    if (!allFinite(data, payload.start, values, payload)) throw notFinite(payload);
  }
  return parsed.tokens.length;
}

/**
 * Whether `values` values of `payload`'s type starting at `data[start]` are all finite. Scanned
 * as whole words through a typed-array view (a state is megabytes: readUInt32LE per value cost
 * ~7 ms on 2.4 MB). The views read in the platform's byte order, little-endian like the file on
 * every platform Hearth ships for. A range not aligned for the view is copied.
 */
export function allFinite(data: Buffer, start: number, values: number, payload: FloatPayload): boolean {
  const { width, exponent } = payload;
  const aligned = (data.byteOffset + start) % width === 0;
  const buffer = aligned ? data.buffer : new Uint8Array(data.subarray(start, start + values * width)).buffer;
  const offset = aligned ? data.byteOffset + start : 0;
  const words = width === 4 ? new Uint32Array(buffer, offset, values) : new Uint16Array(buffer, offset, values);
  for (let i = 0; i < values; i++) if (((words[i] as number) & exponent) === exponent) return false;
  return true;
}

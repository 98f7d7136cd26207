import { open } from 'node:fs/promises';
import { endianness } from 'node:os';

/** A typed GGUF metadata value; the type decides the bytes, so it is never inferred from a JS number. */
export type GgufMetadataValue =
  | { readonly type: 'uint32'; readonly value: number }
  | { readonly type: 'int32'; readonly value: number }
  | { readonly type: 'float32'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'string[]'; readonly value: readonly string[] }
  | { readonly type: 'int32[]'; readonly value: readonly number[] }
  | { readonly type: 'uint32[]'; readonly value: readonly number[] }
  | { readonly type: 'float32[]'; readonly value: readonly number[] };

/** Tensor contents: given outright, or produced on demand so a large model never sits in memory twice. */
export type TensorDataSource = Float32Array | ((target: Float32Array) => void);

export interface GgufTensorLayout {
  readonly name: string;
  readonly dims: readonly number[];
  /** Absolute position of the tensor's first byte in the file. */
  readonly fileOffset: number;
  readonly byteLength: number;
}

export interface GgufLayout {
  /** Absolute position of the data section (the header plus padding to the alignment). */
  readonly dataOffset: number;
  readonly totalBytes: number;
  readonly tensors: readonly GgufTensorLayout[];
}

interface TensorEntry {
  readonly name: string;
  readonly dims: readonly number[];
  readonly elementCount: number;
  readonly data: TensorDataSource;
}

const MAGIC = Buffer.from('GGUF', 'latin1');
const VERSION = 3;
const DEFAULT_ALIGNMENT = 32;
const ALIGNMENT_KEY = 'general.alignment';
const GGML_TYPE_F32 = 0;
const F32_BYTES = 4;
// ggml keeps tensor names in a 64-byte buffer including the terminating NUL.
const MAX_TENSOR_NAME_BYTES = 63;
// ggml tensors have at most four dimensions.
const MAX_DIMS = 4;
// Bounds the temporary copy when tensor data is streamed to a file.
const WRITE_CHUNK_BYTES = 1 << 24;

const GGUF_TYPE = {
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
} as const;

/** Collects header fields as little-endian chunks; the header is small, so chunks are simpler than sizing it first. */
class HeaderBytes {
  readonly #chunks: Buffer[] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  #push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  raw(bytes: Buffer): void {
    this.#push(bytes);
  }

  uint32(value: number): void {
    const chunk = Buffer.alloc(4);
    chunk.writeUInt32LE(value);
    this.#push(chunk);
  }

  int32(value: number): void {
    const chunk = Buffer.alloc(4);
    chunk.writeInt32LE(value);
    this.#push(chunk);
  }

  float32(value: number): void {
    const chunk = Buffer.alloc(4);
    chunk.writeFloatLE(value);
    this.#push(chunk);
  }

  uint64(value: number): void {
    const chunk = Buffer.alloc(8);
    chunk.writeBigUInt64LE(BigInt(value));
    this.#push(chunk);
  }

  bool(value: boolean): void {
    this.#push(Buffer.from([value ? 1 : 0]));
  }

  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.uint64(bytes.length);
    this.#push(bytes);
  }

  zeros(count: number): void {
    if (count > 0) this.#push(Buffer.alloc(count));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.#chunks, this.#length);
  }
}

function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}

function assertInteger(key: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`GGUF metadata ${key}: ${value} is not an integer in [${min}, ${max}]`);
  }
}

function validateValue(key: string, value: GgufMetadataValue): void {
  switch (value.type) {
    case 'uint32':
      assertInteger(key, value.value, 0, 0xffff_ffff);
      return;
    case 'int32':
      assertInteger(key, value.value, -0x8000_0000, 0x7fff_ffff);
      return;
    case 'uint32[]':
      value.value.forEach((item) => assertInteger(key, item, 0, 0xffff_ffff));
      return;
    case 'int32[]':
      value.value.forEach((item) => assertInteger(key, item, -0x8000_0000, 0x7fff_ffff));
      return;
    case 'float32':
    case 'float32[]':
    case 'bool':
    case 'string':
    case 'string[]':
      return;
  }
}

function writeValue(out: HeaderBytes, value: GgufMetadataValue): void {
  switch (value.type) {
    case 'uint32':
      out.uint32(GGUF_TYPE.uint32);
      out.uint32(value.value);
      return;
    case 'int32':
      out.uint32(GGUF_TYPE.int32);
      out.int32(value.value);
      return;
    case 'float32':
      out.uint32(GGUF_TYPE.float32);
      out.float32(value.value);
      return;
    case 'bool':
      out.uint32(GGUF_TYPE.bool);
      out.bool(value.value);
      return;
    case 'string':
      out.uint32(GGUF_TYPE.string);
      out.string(value.value);
      return;
    case 'string[]':
      out.uint32(GGUF_TYPE.array);
      out.uint32(GGUF_TYPE.string);
      out.uint64(value.value.length);
      value.value.forEach((item) => out.string(item));
      return;
    case 'int32[]':
      out.uint32(GGUF_TYPE.array);
      out.uint32(GGUF_TYPE.int32);
      out.uint64(value.value.length);
      value.value.forEach((item) => out.int32(item));
      return;
    case 'uint32[]':
      out.uint32(GGUF_TYPE.array);
      out.uint32(GGUF_TYPE.uint32);
      out.uint64(value.value.length);
      value.value.forEach((item) => out.uint32(item));
      return;
    case 'float32[]':
      out.uint32(GGUF_TYPE.array);
      out.uint32(GGUF_TYPE.float32);
      out.uint64(value.value.length);
      value.value.forEach((item) => out.float32(item));
      return;
  }
}

/**
 * Writes GGUF v3 files holding F32 tensors. Metadata and tensors keep insertion order, so the same calls
 * give byte-identical output. `general.alignment` is written by the writer itself because the layout
 * depends on it.
 */
export class GgufWriter {
  readonly #alignment: number;
  readonly #metadata = new Map<string, GgufMetadataValue>();
  readonly #tensors: TensorEntry[] = [];
  readonly #tensorNames = new Set<string>();

  constructor(options: { alignment?: number } = {}) {
    const alignment = options.alignment ?? DEFAULT_ALIGNMENT;
    // llama.cpp rejects alignments that are not powers of two; F32 data needs at least 4.
    if (!Number.isInteger(alignment) || alignment < F32_BYTES || (alignment & (alignment - 1)) !== 0) {
      throw new RangeError(`GGUF alignment must be a power of two >= ${F32_BYTES}, got ${alignment}`);
    }
    this.#alignment = alignment;
    this.#metadata.set(ALIGNMENT_KEY, { type: 'uint32', value: alignment });
  }

  get alignment(): number {
    return this.#alignment;
  }

  set(key: string, value: GgufMetadataValue): this {
    if (key.length === 0) throw new Error('GGUF metadata key must not be empty');
    if (key === ALIGNMENT_KEY) throw new Error(`${ALIGNMENT_KEY} is owned by the writer; pass it to the constructor`);
    if (this.#metadata.has(key)) throw new Error(`GGUF metadata key ${key} set twice`);
    validateValue(key, value);
    this.#metadata.set(key, value);
    return this;
  }

  setUint32(key: string, value: number): this {
    return this.set(key, { type: 'uint32', value });
  }

  setInt32(key: string, value: number): this {
    return this.set(key, { type: 'int32', value });
  }

  setFloat32(key: string, value: number): this {
    return this.set(key, { type: 'float32', value });
  }

  setBool(key: string, value: boolean): this {
    return this.set(key, { type: 'bool', value });
  }

  setString(key: string, value: string): this {
    return this.set(key, { type: 'string', value });
  }

  setStringArray(key: string, value: readonly string[]): this {
    return this.set(key, { type: 'string[]', value });
  }

  setInt32Array(key: string, value: readonly number[]): this {
    return this.set(key, { type: 'int32[]', value });
  }

  setUint32Array(key: string, value: readonly number[]): this {
    return this.set(key, { type: 'uint32[]', value });
  }

  setFloat32Array(key: string, value: readonly number[]): this {
    return this.set(key, { type: 'float32[]', value });
  }

  /** Adds an F32 tensor. `dims` are in GGUF order: ne0 (the contiguous dimension) first. */
  addTensor(name: string, dims: readonly number[], data: TensorDataSource): this {
    if (Buffer.byteLength(name, 'utf8') > MAX_TENSOR_NAME_BYTES || name.length === 0) {
      throw new Error(`tensor name "${name}" must be 1..${MAX_TENSOR_NAME_BYTES} bytes`);
    }
    if (this.#tensorNames.has(name)) throw new Error(`tensor ${name} added twice`);
    if (dims.length === 0 || dims.length > MAX_DIMS) {
      throw new Error(`tensor ${name}: ${dims.length} dimensions, expected 1..${MAX_DIMS}`);
    }
    dims.forEach((dim) => {
      if (!Number.isInteger(dim) || dim < 1) throw new Error(`tensor ${name}: bad dimension ${dim}`);
    });
    const elementCount = dims.reduce((product, dim) => product * dim, 1);
    if (data instanceof Float32Array && data.length !== elementCount) {
      throw new Error(`tensor ${name}: ${data.length} values for shape [${dims.join(', ')}] (${elementCount})`);
    }
    this.#tensorNames.add(name);
    this.#tensors.push({ name, dims: [...dims], elementCount, data });
    return this;
  }

  #encodeHeader(): Buffer {
    const out = new HeaderBytes();
    out.raw(MAGIC);
    out.uint32(VERSION);
    out.uint64(this.#tensors.length);
    out.uint64(this.#metadata.size);
    for (const [key, value] of this.#metadata) {
      out.string(key);
      writeValue(out, value);
    }
    let relativeOffset = 0;
    for (const tensor of this.#tensors) {
      out.string(tensor.name);
      out.uint32(tensor.dims.length);
      tensor.dims.forEach((dim) => out.uint64(dim));
      out.uint32(GGML_TYPE_F32);
      out.uint64(relativeOffset);
      relativeOffset += alignUp(tensor.elementCount * F32_BYTES, this.#alignment);
    }
    out.zeros(alignUp(out.length, this.#alignment) - out.length);
    return out.toBuffer();
  }

  #layoutFor(dataOffset: number): GgufLayout {
    let position = dataOffset;
    const tensors = this.#tensors.map((tensor) => {
      const byteLength = tensor.elementCount * F32_BYTES;
      const entry = { name: tensor.name, dims: tensor.dims, fileOffset: position, byteLength };
      position += alignUp(byteLength, this.#alignment);
      return entry;
    });
    return { dataOffset, totalBytes: position, tensors };
  }

  /** Where every part of the file lands; the malformed-file builders cut and patch by it. */
  layout(): GgufLayout {
    return this.#layoutFor(this.#encodeHeader().length);
  }

  /** Total number of tensor elements (the model's parameter count). */
  parameterCount(): number {
    return this.#tensors.reduce((sum, tensor) => sum + tensor.elementCount, 0);
  }

  toBuffer(): Buffer {
    const header = this.#encodeHeader();
    const layout = this.#layoutFor(header.length);
    // Buffer.alloc zero-fills, which gives the padding between tensors for free.
    const file = Buffer.alloc(layout.totalBytes);
    header.copy(file, 0);
    this.#tensors.forEach((tensor, index) => {
      const place = layout.tensors[index];
      if (place === undefined) throw new Error('layout lost a tensor');
      tensorBytes(tensor).copy(file, place.fileOffset);
    });
    return file;
  }

  /** Streams the file tensor by tensor, so only one tensor's data is held at a time. */
  async writeFile(path: string): Promise<number> {
    const header = this.#encodeHeader();
    const layout = this.#layoutFor(header.length);
    const handle = await open(path, 'w');
    try {
      await handle.write(header, 0, header.length, 0);
      for (const [index, tensor] of this.#tensors.entries()) {
        const place = layout.tensors[index];
        if (place === undefined) throw new Error('layout lost a tensor');
        const bytes = tensorBytes(tensor);
        for (let start = 0; start < bytes.length; start += WRITE_CHUNK_BYTES) {
          const length = Math.min(WRITE_CHUNK_BYTES, bytes.length - start);
          await handle.write(bytes, start, length, place.fileOffset + start);
        }
      }
      // Positional writes leave the final padding unwritten; the file must still span it.
      await handle.truncate(layout.totalBytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return layout.totalBytes;
  }
}

function tensorBytes(tensor: TensorEntry): Buffer {
  let values: Float32Array;
  if (tensor.data instanceof Float32Array) {
    values = tensor.data;
  } else {
    values = new Float32Array(tensor.elementCount);
    tensor.data(values);
  }
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  // GGUF is little-endian whatever the host is; swap a copy so the caller's array stays intact.
  return endianness() === 'LE' ? bytes : Buffer.from(bytes).swap32();
}

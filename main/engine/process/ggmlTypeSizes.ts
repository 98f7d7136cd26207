/**
 * Bytes per block and values per block of ggml's tensor types (ggml.c `type_traits`), enough to
 * tell where each tensor's data ends and so to refuse a truncated file before llama.cpp reads
 * past its end. Types missing here are only checked for their start offset.
 */
export const GGML_TYPE_SIZES: ReadonlyMap<number, { blockValues: number; blockBytes: number }> = new Map([
  [0, { blockValues: 1, blockBytes: 4 }], // F32
  [1, { blockValues: 1, blockBytes: 2 }], // F16
  [2, { blockValues: 32, blockBytes: 18 }], // Q4_0
  [3, { blockValues: 32, blockBytes: 20 }], // Q4_1
  [6, { blockValues: 32, blockBytes: 22 }], // Q5_0
  [7, { blockValues: 32, blockBytes: 24 }], // Q5_1
  [8, { blockValues: 32, blockBytes: 34 }], // Q8_0
  [9, { blockValues: 32, blockBytes: 36 }], // Q8_1
  [10, { blockValues: 256, blockBytes: 84 }], // Q2_K
  [11, { blockValues: 256, blockBytes: 110 }], // Q3_K
  [12, { blockValues: 256, blockBytes: 144 }], // Q4_K
  [13, { blockValues: 256, blockBytes: 176 }], // Q5_K
  [14, { blockValues: 256, blockBytes: 210 }], // Q6_K
  [15, { blockValues: 256, blockBytes: 292 }], // Q8_K
  [16, { blockValues: 256, blockBytes: 66 }], // IQ2_XXS
  [17, { blockValues: 256, blockBytes: 74 }], // IQ2_XS
  [18, { blockValues: 256, blockBytes: 98 }], // IQ3_XXS
  [19, { blockValues: 256, blockBytes: 50 }], // IQ1_S
  [20, { blockValues: 32, blockBytes: 18 }], // IQ4_NL
  [21, { blockValues: 256, blockBytes: 110 }], // IQ3_S
  [22, { blockValues: 256, blockBytes: 82 }], // IQ2_S
  [23, { blockValues: 256, blockBytes: 136 }], // IQ4_XS
  [24, { blockValues: 1, blockBytes: 1 }], // I8
  [25, { blockValues: 1, blockBytes: 2 }], // I16
  [26, { blockValues: 1, blockBytes: 4 }], // I32
  [27, { blockValues: 1, blockBytes: 8 }], // I64
  [28, { blockValues: 1, blockBytes: 8 }], // F64
  [29, { blockValues: 256, blockBytes: 56 }], // IQ1_M
  [30, { blockValues: 1, blockBytes: 2 }], // BF16
  [34, { blockValues: 256, blockBytes: 54 }], // TQ1_0
  [35, { blockValues: 256, blockBytes: 66 }], // TQ2_0
  [39, { blockValues: 32, blockBytes: 17 }], // MXFP4
]);

import { basename } from 'node:path';
import { readGgufFileInfo, type GgufFileInfo } from 'node-llama-cpp';
import { AppError } from '../../../contract/index.js';
import { screenModelFile } from '../../models/screen/screenModelFile.js';

/**
 * Checks a model file before llama.cpp sees it. llama.cpp aborts the whole process on several
 * malformed headers, and node-llama-cpp's GGUF reader trusts the header's counts (an absurd count
 * made it allocate gigabytes, a 2^31-byte string length trips a Node assertion), so Hearth's own
 * bounded screen reads the file first; only a file it passes reaches node-llama-cpp's reader.
 * Main vets every file the same way in a throwaway engine before the chat engine is given it;
 * this is the same screen again, for a file changed since.
 */
export async function checkModelFile(path: string): Promise<{ fileInfo: GgufFileInfo; fileSize: number }> {
  const name = basename(path);
  const { fileSize } = await screenModelFile(path);
  let fileInfo: GgufFileInfo;
  try {
    fileInfo = await readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false, spliceSplitFiles: false });
  } catch {
    // The reader's own messages are internal ("The number NaN cannot be converted to a BigInt").
    throw AppError.localized('model_invalid', 'modelMetadataUnreadable', { name });
  }
  if (!fileInfo.metadata.general?.architecture) {
    throw AppError.localized('model_invalid', 'modelArchitectureMissing', { name });
  }
  return { fileInfo, fileSize };
}

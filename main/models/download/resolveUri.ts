import { AppError } from '../../../contract/index.js';

/**
 * The http(s) URL behind a model URI, for the preflight request that checks the answer and the
 * size before node-llama-cpp's downloader starts. `hf:<owner>/<repo>/<path>#<branch>` follows
 * the Hugging Face "resolve" form that node-llama-cpp itself downloads from; an http(s) URL is
 * used as it is.
 */
export function resolveModelUrl(uri: string): URL {
  if (uri.startsWith('hf:')) {
    const [path = '', branch = 'main'] = uri.slice(3).split('#');
    const [owner, repo, ...file] = path.split('/');
    if (!owner || !repo || file.length === 0) {
      throw AppError.localized('invalid_input', 'errorNotFileUri', { uri }, 'library');
    }
    return new URL(`https://huggingface.co/${owner}/${repo}/resolve/${encodeURIComponent(branch)}/${file.join('/')}`);
  }
  const url = new URL(uri);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw AppError.localized('invalid_input', 'errorNotHttp', { protocol: url.protocol }, 'library');
  }
  return url;
}

/** The file name a download is saved under: the last path segment, checked to be a plain .gguf name. */
export function fileNameOf(uri: string): string {
  const path = uri.startsWith('hf:') ? (uri.slice(3).split('#')[0] ?? '') : new URL(uri).pathname;
  const name = decodeURIComponent(path.split('/').pop() ?? '');
  if (!/^[\w.+-]+\.gguf$/i.test(name) || name.startsWith('.')) {
    throw AppError.localized('invalid_input', 'errorBadFileName', { name }, 'library');
  }
  return name;
}

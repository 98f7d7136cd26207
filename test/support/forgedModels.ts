import { before } from 'node:test';
import { ensureForgedModels, type ChatForgedArch } from '../forge/forgeModels.js';
import { ensureMalformedModels, type MalformedKind } from '../forge/malformedModels.js';

/** Forged model paths, made (or found in the cache) once before the file's tests run. */
export function useForgedModels(): { readonly paths: Record<ChatForgedArch, string> } {
  const holder = { paths: {} as Record<ChatForgedArch, string> };
  before(async () => {
    holder.paths = await ensureForgedModels();
  });
  return holder;
}

export function useMalformedModels(): { readonly paths: Record<MalformedKind, string> } {
  const holder = { paths: {} as Record<MalformedKind, string> };
  before(async () => {
    holder.paths = await ensureMalformedModels();
  });
  return holder;
}

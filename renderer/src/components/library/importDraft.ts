/** The import form's contents, kept by the library so that a drop anywhere on it can fill them. */
export interface ImportDraft {
  open: boolean;
  path: string;
  mode: 'copy' | 'link';
  /** Why the user is asked to type the path (a drop that gave none), if that is why. */
  hint: string | null;
}

export const CLOSED_IMPORT: ImportDraft = { open: false, path: '', mode: 'copy', hint: null };

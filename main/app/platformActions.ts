/** What only the host can do for the services. */
export interface PlatformActions {
  /** Opens a folder in the system's file manager; absent where the host cannot (web host). */
  openFolder?(path: string): Promise<void>;
  /** Shows a file selected in the system's file manager. */
  revealFile?(path: string): Promise<void>;
  /** The system's open-file dialog for a .gguf file; null when cancelled. */
  chooseModelFile?(): Promise<string | null>;
  /** The system's open-files dialog for documents; empty when cancelled. */
  chooseDocuments?(): Promise<string[]>;
  /** The system's choose-folder dialog; null when cancelled. */
  chooseFolder?(): Promise<string | null>;
}

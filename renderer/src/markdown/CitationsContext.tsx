import { createContext } from 'react';
import type { Citation } from '../../../contract/index.js';

/** The sources an answer was given, and how to open one: set around an answer that has sources. */
export interface CitationTargets {
  sources: readonly Citation[];
  open: (citation: Citation) => void;
}

export const CitationsContext = createContext<CitationTargets | null>(null);

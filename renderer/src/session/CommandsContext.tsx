import { createContext, useContext, type ReactNode } from 'react';
import type { Commands } from './createCommands.js';

const CommandsContext = createContext<Commands | null>(null);

export function CommandsProvider({ commands, children }: { commands: Commands; children: ReactNode }) {
  return <CommandsContext.Provider value={commands}>{children}</CommandsContext.Provider>;
}

export function useCommands(): Commands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error('useCommands needs a CommandsProvider above it');
  return commands;
}

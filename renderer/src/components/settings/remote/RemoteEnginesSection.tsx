import { useEffect, useId } from 'react';
import { useCommands } from '../../../session/CommandsContext.js';
import { useAppStore } from '../../../store/appStore.js';
import { AddRemoteEngineForm } from './AddRemoteEngineForm.js';
import { RemoteEngineItem } from './RemoteEngineItem.js';

/** OpenAI-compatible servers on other machines whose models conversations can use. Acts at once. */
export function RemoteEnginesSection() {
  const commands = useCommands();
  const id = useId();
  const engines = useAppStore((state) => state.remoteEngines);

  // Each engine's models are asked afresh: the other machine may have loaded or dropped some.
  useEffect(() => {
    void commands.refreshRemoteEngines();
  }, [commands]);

  return (
    <section className="settings-section" data-testid="remote-engines-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Remote engines</h3>
      <p className="hint">
        Use the models of another machine (a workstation, a GPU server) that runs an OpenAI-compatible server. A
        conversation on a remote model sends its messages, and any document passages it quotes, to that machine.
        Conversations and documents stay stored on this PC. Saved states apply only to models on this PC.
      </p>
      {engines.length === 0 ? (
        <p className="hint" data-testid="remote-engines-empty">
          No remote engines yet.
        </p>
      ) : (
        <ul className="server-list" aria-label="Remote engines">
          {engines.map((engine) => (
            <RemoteEngineItem key={engine.id} engine={engine} />
          ))}
        </ul>
      )}
      <AddRemoteEngineForm />
    </section>
  );
}

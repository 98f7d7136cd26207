import { useRemoteModel } from '../../hooks/useRemoteModel.js';

/** Which model wrote an answer, and on which machine when it was not this one. */
export function MessageModel({ modelId }: { modelId: string }) {
  const remote = useRemoteModel(modelId);
  if (!remote) {
    return (
      <span className="message-model" data-testid="message-model">
        {modelId}
      </span>
    );
  }
  return (
    <span
      className="message-model"
      data-testid="message-model"
      data-remote="true"
      title={remote.host ? `${remote.engineName} (${remote.host})` : remote.engineName}
    >
      {remote.model} on {remote.engineName} <span className="chip chip--remote">remote</span>
    </span>
  );
}

import { CopyButton } from '../../common/CopyButton.js';

interface NewKeyRevealProps {
  name: string;
  apiKey: string;
  onDone: () => void;
}

/** A key just made: the only time it is shown, since main keeps nothing but its hash. */
export function NewKeyReveal({ name, apiKey, onDone }: NewKeyRevealProps) {
  return (
    <div className="new-key" role="group" aria-label={`New key “${name}”`} data-testid="new-api-key">
      <p>
        <strong>Copy the key “{name}” now: you will not see it again.</strong> Hearth keeps only a fingerprint of it.
      </p>
      <div className="new-key-row">
        <code className="new-key-value" data-testid="new-api-key-value">
          {apiKey}
        </code>
        <CopyButton text={apiKey} label="Copy the key" showLabel testId="new-api-key-copy" />
      </div>
      <button type="button" className="button button--small" onClick={onDone} data-testid="new-api-key-done">
        I have copied it
      </button>
    </div>
  );
}

import { isValidElement, useRef, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtraProps } from 'react-markdown';
import { CopyButton } from '../components/common/CopyButton.js';

/** A fenced code block with its language and a copy button. */
export function CodeBlock({ node: _node, children, ...rest }: ComponentProps<'pre'> & ExtraProps) {
  const { t } = useTranslation('chat');
  const ref = useRef<HTMLPreElement>(null);
  const language = languageOf(children);
  return (
    <div className="code-block" data-testid="code-block">
      <div className="code-block-header">
        <span className="code-block-language">{language ?? t('codeLanguageNone')}</span>
        <CopyButton
          text={() => ref.current?.querySelector('code')?.textContent ?? ref.current?.textContent ?? ''}
          label={t('copyCode')}
          showLabel
          testId="copy-code"
        />
      </div>
      <pre ref={ref} {...rest}>
        {children}
      </pre>
    </div>
  );
}

function languageOf(children: unknown): string | null {
  if (!isValidElement<{ className?: unknown }>(children)) return null;
  const className = children.props.className;
  if (typeof className !== 'string') return null;
  return /(?:^|\s)language-([\w+#.-]+)/.exec(className)?.[1] ?? null;
}

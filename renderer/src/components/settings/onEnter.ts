import type { KeyboardEvent } from 'react';

/**
 * Enter in a field that acts at once (a key name, an origin): does that field's action. Settings
 * is one <form>, and Enter would otherwise submit it, saving and closing the whole dialog.
 */
export function onEnter(act: () => void): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    act();
  };
}

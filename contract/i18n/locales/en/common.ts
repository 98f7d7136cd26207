// English: the 'common' namespace — words many screens share (buttons, states, units).
export const common = {
  dismiss: 'Dismiss',
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  delete: 'Delete',
} satisfies Record<string, string>;

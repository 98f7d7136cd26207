import type { Settings } from '../../../../contract/index.js';
import { toNumber } from './samplingDraft.js';

export type SizeUnit = 'MB' | 'GB';

/** Units of 1024, as the settings' defaults are written (2 GB budget = 2 × 1024³ bytes). */
const UNIT_BYTES: Record<SizeUnit, number> = { MB: 1024 ** 2, GB: 1024 ** 3 };

/** The saved-state settings as typed into the form. */
export interface StatesDraft {
  saveStates: boolean;
  budget: string;
  budgetUnit: SizeUnit;
  checkpointsPerBranch: string;
  /** In MB. */
  attentionCap: string;
}

type StatesSettings = Pick<
  Settings,
  'saveStates' | 'stateBudgetBytes' | 'checkpointsPerBranch' | 'attentionStateCapBytes'
>;

export function toStatesDraft(settings: StatesSettings): StatesDraft {
  const budgetUnit: SizeUnit = settings.stateBudgetBytes >= UNIT_BYTES.GB ? 'GB' : 'MB';
  return {
    saveStates: settings.saveStates,
    budget: amountIn(settings.stateBudgetBytes, budgetUnit),
    budgetUnit,
    checkpointsPerBranch: String(settings.checkpointsPerBranch),
    attentionCap: amountIn(settings.attentionStateCapBytes, 'MB'),
  };
}

/**
 * The draft as settings, unchecked: the caller validates them with the contract's schema. A size
 * left as shown keeps its exact byte count, which the rounded figure in the field may not give back.
 */
export function statesInput(draft: StatesDraft, saved: StatesSettings): Record<keyof StatesSettings, unknown> {
  const shown = toStatesDraft(saved);
  const unchangedBudget = draft.budget === shown.budget && draft.budgetUnit === shown.budgetUnit;
  return {
    saveStates: draft.saveStates,
    stateBudgetBytes: unchangedBudget ? saved.stateBudgetBytes : toBytes(draft.budget, draft.budgetUnit),
    checkpointsPerBranch: toNumber(draft.checkpointsPerBranch),
    attentionStateCapBytes:
      draft.attentionCap === shown.attentionCap ? saved.attentionStateCapBytes : toBytes(draft.attentionCap, 'MB'),
  };
}

/** Switching the unit keeps the size: 2 GB becomes 2048 MB. */
export function withBudgetUnit(draft: StatesDraft, unit: SizeUnit): StatesDraft {
  const bytes = toBytes(draft.budget, draft.budgetUnit);
  return { ...draft, budgetUnit: unit, budget: Number.isFinite(bytes) ? amountIn(bytes, unit) : draft.budget };
}

function amountIn(bytes: number, unit: SizeUnit): string {
  return String(Number((bytes / UNIT_BYTES[unit]).toFixed(2)));
}

function toBytes(amount: string, unit: SizeUnit): number {
  return Math.round(toNumber(amount) * UNIT_BYTES[unit]);
}

import type { ExecutionPlan } from '../../../contract/index.js';
import { localizedMessage } from '../i18n/i18n.js';

/**
 * The planner's reasons and warnings in the UI's language: main sends each line in English with,
 * beside it, its catalog key. Lines without a key (an older main) stay as they came.
 */
export function localizedPlanLines(
  plan: Pick<ExecutionPlan, 'reasons' | 'warnings' | 'reasonTexts' | 'warningTexts'>,
): {
  reasons: string[];
  warnings: string[];
} {
  const localize = (lines: readonly string[], texts: ExecutionPlan['reasonTexts']) =>
    texts?.length === lines.length
      ? lines.map((message, index) => localizedMessage({ message, text: texts[index] }))
      : [...lines];
  return { reasons: localize(plan.reasons, plan.reasonTexts), warnings: localize(plan.warnings, plan.warningTexts) };
}

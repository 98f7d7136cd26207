import type { TensorInit } from './architectureSpec.js';

/*
 * The state-space parameters shared by Mamba 1 and 2. The per-token decay of the state is exp(dt * A)
 * (GGUF stores A already negated: A = -exp(A_log)), and dt = softplus(x + dt_bias).
 *
 * These are deliberately slower-forgetting than Mamba's own initialisation (A in [-16, -1], dt near
 * 0.001..0.1). With those, random weights let the current token's skip path (D * x) drown the state:
 * greedy output depended only on the last few tokens, so a state save/restore test would pass even if
 * the state were lost. With the values below, replies after the same chat suffix differ with the
 * earlier conversation, and decays stay in about 0.25..0.99 per token, so nothing blows up.
 */
export const SSM_A: TensorInit = { kind: 'uniform', min: -1, max: -0.02 };

/** dt between softplus(-2.3) ≈ 0.1 and softplus(0) ≈ 0.7. */
export const SSM_DT_BIAS: TensorInit = { kind: 'uniform', min: -2.3, max: 0 };

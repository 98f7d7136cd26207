import { statfs, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChatHistoryItem, LlamaChat, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import {
  AppError,
  type CallInput,
  DISK_FULL_REASON,
  isDiskFull,
  type ContextPreparation,
  type EngineCalls,
  type GenerateResult,
  type TurnResult,
  type WrittenState,
} from '../../../contract/index.js';
import { closedTurnTokens, renderTokens, startsWith } from './chatTokens.js';
import { checkStateFile, learnModelStateLayout } from './stateFile.js';
import type { StateLayout } from './stateLayout.js';

export type GenerateParams = CallInput<EngineCalls, 'generate'>;

export interface TurnModel {
  model: LlamaModel;
  chat: LlamaChat;
  vocabularySize: number;
  /** Recurrent and hybrid states cannot be cut back to an earlier token; attention states can. */
  recurrent: boolean;
  stateBytesPerToken: number;
  /** How this model's saved states are laid out: learned on the first resume (null: unknown). */
  stateLayout?: StateLayout | null;
}

export interface TurnCallbacks {
  signal: AbortSignal;
  onText(text: string, tokens: number): void;
  /** The answer is complete; the turn's state is saved after this. */
  onAnswered(result: GenerateResult): void;
  /** Before (false) and after (true) llama.cpp reads the saved state: main learns which one killed it. */
  onResuming(done: boolean): Promise<void>;
  log(message: string): void;
}

/**
 * One chat turn on the model's single sequence:
 * 1. start from the state main sent (checked first), else from what the sequence holds, else empty;
 * 2. read whatever part of the prompt the state does not cover (saving the system-prompt state on
 *    the way, when asked), and stop one token short of the end;
 * 3. let node-llama-cpp's LlamaChat read the last token and generate;
 * 4. when asked, save the state of the closed turn (question and answer), re-reading the answer
 *    from the pre-answer state so the saved tokens are exactly the ones the next turn's rendering
 *    will start with (the model's own tokens may tokenize the same text differently).
 * The same steps run whether or not the engine was restarted in between, so a resumed
 * conversation continues exactly as an uninterrupted one would.
 */
export async function runTurn(turn: TurnModel, params: GenerateParams, callbacks: TurnCallbacks): Promise<TurnResult> {
  const { model, chat } = turn;
  const sequence = chat.sequence;
  const wrapper = chat.chatWrapper;
  const started = performance.now();
  const meter = sequence.tokenMeter;
  const inputBefore = meter.usedInputTokens;
  const outputBefore = meter.usedOutputTokens;

  const history = toChatHistory(params);
  const prompt = renderTokens(wrapper, model, [...history, { type: 'model', response: [] }]);
  // LlamaChat itself reads the last prompt token, which yields the logits of the first answer token.
  const target = prompt.slice(0, -1);

  let rejected: string | null = null;
  let resumedTokens = 0;
  if (params.resume) {
    try {
      const stateModel = { vocabularySize: turn.vocabularySize, contextSize: sequence.contextSize };
      if (turn.stateLayout === undefined) {
        const first = prompt[0];
        if (first === undefined) throw new Error('the prompt is empty');
        turn.stateLayout = await learnModelStateLayout(sequence, `${params.resume.path}.layout`, first, stateModel);
      }
      if (!turn.stateLayout) throw new Error('Hearth cannot check saved states of this kind of model');
      resumedTokens = await checkStateFile(params.resume.path, stateModel, turn.stateLayout);
      await sequence.clearHistory();
      await callbacks.onResuming(false);
      await sequence.loadStateFromFile(params.resume.path, { acceptRisk: true });
      await callbacks.onResuming(true);
    } catch (error) {
      await callbacks.onResuming(true);
      rejected = `the saved state could not be loaded: ${(error as Error).message}`;
      resumedTokens = 0;
      await sequence.clearHistory();
    }
  }
  await sequence.adaptStateToTokens(target, false);
  let kept = sequence.nextTokenIndex;
  if (params.resume && !rejected && kept < resumedTokens) {
    rejected = 'the saved state does not match this conversation’s history';
  }
  const source: ContextPreparation['source'] =
    params.resume && !rejected && kept > 0
      ? params.resume.kind === 'prompt-cache'
        ? 'prompt-cache'
        : 'state'
      : kept > 0
        ? 'live'
        : 'reread';
  const keptAtStart = kept;

  let promptState: WrittenState | null = null;
  if (params.savePromptState && history[0]?.type === 'system') {
    const systemTokens = closedTurnTokens(wrapper, model, [history[0]]);
    if (kept <= systemTokens.length && startsWith(target, systemTokens)) {
      await sequence.evaluateWithoutGeneratingNewTokens(systemTokens.slice(kept));
      kept = systemTokens.length;
      // A state that cannot be written costs a re-read later, never the answer.
      promptState = await writeState(sequence, params.savePromptState.path).catch(async (error: unknown) => {
        await unlink(params.savePromptState?.path ?? '').catch(() => undefined);
        callbacks.log(
          `system-prompt state not saved: ${await whyNotWritten(params.savePromptState?.path ?? '', error)}`,
        );
        return null;
      });
    }
  }
  await sequence.evaluateWithoutGeneratingNewTokens(target.slice(kept));
  const context: ContextPreparation = {
    source,
    tokens: target.length - keptAtStart,
    ms: performance.now() - started,
    rejected,
  };
  if (rejected) callbacks.log(`state not used: ${rejected}`);

  // Recurrent states cannot be cut back after the answer: keep the pre-answer state in a file.
  let preAnswerPath = params.saveTurnState && turn.recurrent ? `${params.saveTurnState.path}.pre-answer` : null;
  let preAnswerFailed: string | null = null;
  if (preAnswerPath) {
    const path = preAnswerPath;
    await sequence.saveStateToFile(path).catch(async (error: unknown) => {
      preAnswerFailed = await whyNotWritten(path, error);
      preAnswerPath = null;
      await unlink(path).catch(() => undefined);
    });
  }

  let firstTokenAt: number | null = null;
  let inputAtFirstToken: number | null = null;
  const response = await chat
    .generateResponse([...history, { type: 'model', response: [] }], {
      signal: callbacks.signal,
      stopOnAbortSignal: true,
      maxTokens: params.sampling.maxTokens,
      temperature: params.sampling.temperature,
      topP: params.sampling.topP,
      ...(params.sampling.seed !== null && { seed: params.sampling.seed }),
      onToken: (tokens) => {
        firstTokenAt ??= performance.now();
        inputAtFirstToken ??= meter.usedInputTokens;
        callbacks.onText('', tokens.length);
      },
      onTextChunk: (text) => callbacks.onText(text, 0),
    })
    .catch((error: unknown) => {
      throw new AppError('generation_failed', `Generation failed: ${(error as Error).message}`);
    });
  const finished = performance.now();
  const completionTokens = meter.usedOutputTokens - outputBefore;
  const decodeSeconds = firstTokenAt === null ? 0 : (finished - firstTokenAt) / 1000;
  const stop = response.metadata.stopReason;
  const result: GenerateResult = {
    text: response.response,
    stopReason: stop === 'abort' ? 'aborted' : stop === 'maxTokens' ? 'max_tokens' : 'end_of_turn',
    promptTokens: (inputAtFirstToken ?? meter.usedInputTokens) - inputBefore,
    completionTokens,
    timeToFirstTokenMs: firstTokenAt === null ? null : firstTokenAt - started,
    tokensPerSecond: completionTokens > 1 && decodeSeconds > 0 ? (completionTokens - 1) / decodeSeconds : null,
    context,
  };
  callbacks.onAnswered(result);

  let turnState: WrittenState | null = null;
  let turnStateSkipped: string | null = null;
  if (params.saveTurnState && preAnswerFailed) {
    turnStateSkipped = preAnswerFailed;
  } else if (params.saveTurnState) {
    const save = params.saveTurnState;
    try {
      ({ turnState, turnStateSkipped } = await saveTurnState(turn, history, result.text, target, preAnswerPath, save));
    } catch (error) {
      turnState = null;
      turnStateSkipped = await whyNotWritten(save.path, error);
      await unlink(save.path).catch(() => undefined);
    } finally {
      if (preAnswerPath) await unlink(preAnswerPath).catch(() => undefined);
    }
  }
  return { ...result, promptState, turnState, turnStateSkipped };
}

async function saveTurnState(
  turn: TurnModel,
  history: ChatHistoryItem[],
  answer: string,
  target: readonly Token[],
  preAnswerPath: string | null,
  save: { path: string; maxBytes: number },
): Promise<{ turnState: WrittenState | null; turnStateSkipped: string | null }> {
  const skip = (reason: string) => ({ turnState: null, turnStateSkipped: reason });
  if (!answer) return skip('the answer is empty');
  const sequence = turn.chat.sequence;
  const closed = closedTurnTokens(turn.chat.chatWrapper, turn.model, [
    ...history,
    { type: 'model', response: [answer] },
  ]);
  if (!startsWith(closed, target)) return skip('the answer changed how the history tokenizes');
  const estimate = turn.stateBytesPerToken * closed.length;
  if (estimate > save.maxBytes) {
    return skip(
      `the state would take about ${Math.round(estimate / 1024 ** 2)} MB, over the ${Math.round(save.maxBytes / 1024 ** 2)} MB cap`,
    );
  }
  if (preAnswerPath) {
    await sequence.clearHistory();
    await sequence.loadStateFromFile(preAnswerPath, { acceptRisk: true });
  }
  await sequence.adaptStateToTokens(closed, false);
  await sequence.evaluateWithoutGeneratingNewTokens(closed.slice(sequence.nextTokenIndex));
  const written = await writeState(sequence, save.path);
  if (written.byteSize > save.maxBytes) {
    await unlink(save.path).catch(() => undefined);
    return skip(`the state takes ${Math.round(written.byteSize / 1024 ** 2)} MB, over the cap`);
  }
  return { turnState: written, turnStateSkipped: null };
}

async function writeState(sequence: LlamaContextSequence, path: string): Promise<WrittenState> {
  const { fileSize } = await sequence.saveStateToFile(path);
  return { path, tokenCount: sequence.nextTokenIndex, byteSize: fileSize };
}

/** Why a state file could not be written: a full disk said plainly, else llama.cpp's words. */
async function whyNotWritten(path: string, error: unknown): Promise<string> {
  const free = await statfs(dirname(path)).then(
    (info) => info.bavail * info.bsize,
    () => null,
  );
  // llama.cpp reports a failed write without errno; the free space tells a full disk apart.
  if (isDiskFull(error) || (free !== null && free < FULL_DISK_BYTES)) {
    return `${DISK_FULL_REASON}: the state could not be written`;
  }
  return `the state could not be written (${(error as Error).message})`;
}

/** Less free space than this where the state goes, and a failed write is put down to a full disk. */
const FULL_DISK_BYTES = 16 * 1024 * 1024;

function toChatHistory(params: GenerateParams): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  if (params.systemPrompt.trim()) history.push({ type: 'system', text: params.systemPrompt });
  for (const turn of params.history) {
    history.push(turn.role === 'user' ? { type: 'user', text: turn.text } : { type: 'model', response: [turn.text] });
  }
  return history;
}

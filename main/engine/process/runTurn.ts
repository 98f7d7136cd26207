import { unlink } from 'node:fs/promises';
import type { ChatHistoryItem, LlamaChat, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import {
  AppError,
  type CallInput,
  type ContextPreparation,
  type EngineCalls,
  type GenerateResult,
  type TurnResult,
  type WrittenState,
} from '../../../contract/index.js';
import { closedTurnTokens, renderTokens, startsWith } from './chatTokens.js';
import { checkStateFile } from './stateFile.js';

export type GenerateParams = CallInput<EngineCalls, 'generate'>;

export interface TurnModel {
  model: LlamaModel;
  chat: LlamaChat;
  vocabularySize: number;
  /** Recurrent and hybrid states cannot be cut back to an earlier token; attention states can. */
  recurrent: boolean;
  stateBytesPerToken: number;
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
      resumedTokens = await checkStateFile(params.resume.path, turn.vocabularySize);
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
      // A state that cannot be written (a full disk) is only not cached: the answer goes on.
      promptState = await writeState(sequence, params.savePromptState.path).catch(async (error: unknown) => {
        await unlink(params.savePromptState!.path).catch(() => undefined);
        callbacks.log(`prompt state not saved: ${(error as Error).message}`);
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
  let preAnswerFailure: string | null = null;
  if (preAnswerPath) {
    try {
      await sequence.saveStateToFile(preAnswerPath);
    } catch (error) {
      // Not written (a full disk): this turn's state is not saved, the answer goes on.
      await unlink(preAnswerPath).catch(() => undefined);
      preAnswerFailure = `the state could not be written (${(error as Error).message})`;
      preAnswerPath = null;
    }
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
  if (params.saveTurnState && preAnswerFailure) {
    turnStateSkipped = preAnswerFailure;
  } else if (params.saveTurnState) {
    try {
      ({ turnState, turnStateSkipped } = await saveTurnState(
        turn,
        history,
        result.text,
        target,
        preAnswerPath,
        params.saveTurnState,
      ));
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

function toChatHistory(params: GenerateParams): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  if (params.systemPrompt.trim()) history.push({ type: 'system', text: params.systemPrompt });
  for (const turn of params.history) {
    history.push(turn.role === 'user' ? { type: 'user', text: turn.text } : { type: 'model', response: [turn.text] });
  }
  return history;
}

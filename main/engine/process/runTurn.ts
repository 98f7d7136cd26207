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
import type { PreparedPromptWrapper } from './preparedPromptWrapper.js';
import { learnModelStateLayout, openCheckedState } from './stateFile.js';
import type { StateVerifier } from './StateVerifier.js';
import type { StateLayout } from './stateLayout.js';
import { type Rendered, sameTokens, startsWith, type TokenBase, type TurnRenderer } from './TurnRenderer.js';
import { answerToolCalls, generationRules, modelResponse } from './outputRules.js';

export type GenerateParams = CallInput<EngineCalls, 'generate'>;

export interface TurnModel {
  model: LlamaModel;
  chat: LlamaChat;
  /** The chat wrapper LlamaChat renders with, fed the prompt built turn by turn. */
  prompt: PreparedPromptWrapper;
  renderer: TurnRenderer;
  vocabularySize: number;
  stateBytesPerToken: number;
  /** How this model's saved states are laid out: learned at load, else on the first resume (null: unknown kind). */
  stateLayout?: StateLayout | null;
  /** The closed turn the sequence holds: the request that left it, and how many history items it covers. */
  live: { key: string; items: number; tokens: number } | null;
  /** Checks saved states' bytes off the engine's thread. */
  verifier: StateVerifier;
  /** A fresh context in place of one that may hold a bad state's numbers (`chat` is then new). */
  replaceContext(): Promise<void>;
}

export interface TurnCallbacks {
  signal: AbortSignal;
  onText(text: string, tokens: number): void;
  /** The answer is complete; the turn is closed (and its state saved) after this. */
  onAnswered(result: GenerateResult): void;
  /** Before (false) and after (true) llama.cpp reads the saved state: main learns which one killed it. */
  onResuming(done: boolean): Promise<void>;
  log(message: string): void;
}

const OPEN: ChatHistoryItem = { type: 'model', response: [] };

/**
 * One chat turn on the model's single sequence:
 * 1. start from what main named: the closed turn the sequence still holds (live), a state file
 *    (its layout checked before llama.cpp loads it, its bytes while the prompt is read: nothing
 *    leaves the engine before their verdict, and a bad one starts the turn again, re-read on a
 *    fresh context), or nothing;
 * 2. build the prompt from there, rendering only the history items the start does not cover
 *    (TurnRenderer); when that is not possible, render the whole history and re-read what differs;
 * 3. let node-llama-cpp's LlamaChat read the new tokens and generate, in one go;
 * 4. close the turn: append to the sequence the tokens that end the answer the way the next turn's
 *    rendering will (usually the model's own tokens are already those, and only the end-of-turn
 *    tokens are read; when the answer re-tokenizes differently, LlamaChat's checkpoint from before
 *    the answer is restored and the answer read again), then save the state when asked.
 * The same steps run whether or not the engine was restarted in between, so a resumed
 * conversation continues exactly as an uninterrupted or re-read one would.
 */
export async function runTurn(
  turn: TurnModel,
  params: GenerateParams,
  callbacks: TurnCallbacks,
  /** A second start, after the state of the first was refused. */
  earlier?: { started: number; rejected: string },
): Promise<TurnResult> {
  const { chat, renderer } = turn;
  const sequence = chat.sequence;
  const started = earlier?.started ?? performance.now();
  const meter = sequence.tokenMeter;
  const inputBefore = meter.usedInputTokens;
  const outputBefore = meter.usedOutputTokens;
  const tokenizedBefore = renderer.tokenized;

  const history = toChatHistory(params);
  const openHistory = [...history, OPEN];
  const live = turn.live;
  turn.live = null;

  let rejected: string | null = earlier?.rejected ?? null;
  let base: TokenBase | null = null;
  let verdict: Verdict | null = null;
  let renderedAlongside: Rendered | null = null;
  const resume = params.resume;
  /** The state's bytes were refused after llama.cpp had them: the turn again, re-read, on a fresh context. */
  const startAgain = async (reason: string) => {
    await turn.replaceContext();
    return runTurn(turn, { ...params, resume: null }, callbacks, { started, rejected: reason });
  };
  if (resume?.kind === 'live') {
    if (live?.key === resume.key && live.items === resume.items && sequence.nextTokenIndex === live.tokens) {
      base = { items: resume.items, tokens: sequence.contextTokens };
    } else {
      rejected = 'the engine no longer held this conversation';
    }
  } else if (resume) {
    try {
      const loaded = await loadSavedState(
        turn,
        resume.path,
        resume.sha256,
        (done) => callbacks.onResuming(done),
        'alongside',
        // The new turn is rendered after the state's tokens while llama.cpp loads them.
        (tokens) =>
          resume.items <= history.length ? renderer.extend({ items: resume.items, tokens }, history, 'open') : null,
      );
      verdict = loaded.verdict;
      if (sameTokens(loaded.tokens, sequence.contextTokens)) renderedAlongside = loaded.meanwhile ?? null;
      base = { items: resume.items, tokens: sequence.contextTokens };
    } catch (error) {
      if (error instanceof StateNotLoaded && error.tainted) return startAgain(error.message);
      rejected = (error as Error).message;
    }
  }

  let prompt: Rendered | null =
    renderedAlongside ?? (base && base.items <= history.length ? renderer.extend(base, history, 'open') : null);
  if (!prompt) {
    prompt = renderer.open(history);
    if (base && !startsWith(prompt.tokens, base.tokens)) {
      rejected ??= 'the saved state does not match this conversation’s history';
      base = null;
    }
  }
  // Whatever the sequence holds beyond the prompt's common prefix goes (recurrent: all of it).
  await sequence.adaptStateToTokens(prompt.tokens, false);
  const kept = sequence.nextTokenIndex;
  const source: ContextPreparation['source'] =
    base && kept > 0
      ? resume?.kind === 'prompt-cache'
        ? 'prompt-cache'
        : resume?.kind === 'live'
          ? 'live'
          : 'state'
      : kept > 0
        ? 'live'
        : 'reread';
  if (rejected) callbacks.log(`state not used: ${rejected}`);
  const refused = (problem: string) => `the saved state could not be loaded: ${problem}`;

  // The system prompt's state is written from this sequence: only once the bytes it started from passed.
  if (verdict && params.savePromptState) {
    const problem = await verdict;
    if (problem) return startAgain(refused(problem));
    verdict = null;
  }
  const promptState = params.savePromptState
    ? await savePromptState(turn, history, prompt.tokens, params.savePromptState.path, callbacks)
    : null;
  const promptTokenized = renderer.tokenized - tokenizedBefore;
  const context: ContextPreparation = {
    source,
    tokens: prompt.tokens.length - kept,
    ms: performance.now() - started,
    rejected,
    held: prompt.tokens.length,
  };

  /** When the first token was sampled, and when it left the engine (later only while a verdict was due). */
  let firstTokenSampledAt: number | null = null;
  let firstTokenAt: number | null = null;
  let inputAtFirstToken: number | null = null;
  const rules = await generationRules(turn.model, params.output);
  const { forcedTool, ...ruleOptions } = rules;
  const gate = new OutputGate(verdict === null);
  const badState = new AbortController();
  // A bad verdict stops the generation at once; a good one lets out what was held.
  void verdict?.then((problem) => (problem ? badState.abort() : gate.open()));
  turn.prompt.prepare(openHistory, prompt);
  let response: Awaited<ReturnType<LlamaChat['generateResponse']>> | null = null;
  let failure: unknown = null;
  try {
    response = await chat.generateResponse(openHistory, {
      // A grammar or functions (never both: generationRules gives one), and stop sequences.
      ...(ruleOptions as object),
      signal: verdict ? AbortSignal.any([callbacks.signal, badState.signal]) : callbacks.signal,
      stopOnAbortSignal: true,
      maxTokens: params.sampling.maxTokens,
      temperature: params.sampling.temperature,
      topP: params.sampling.topP,
      ...(params.sampling.seed !== null && { seed: params.sampling.seed }),
      onToken: (tokens) => {
        firstTokenSampledAt ??= performance.now();
        inputAtFirstToken ??= meter.usedInputTokens;
        gate.pass(() => {
          firstTokenAt ??= performance.now();
          callbacks.onText('', tokens.length);
        });
      },
      onTextChunk: (text) => gate.pass(() => callbacks.onText(text, 0)),
    });
  } catch (error) {
    failure = error;
  } finally {
    turn.prompt.clear();
  }
  const problem = verdict ? await verdict : null;
  if (problem) return startAgain(refused(problem));
  gate.open();
  if (!response) {
    throw AppError.localized('generation_failed', 'generationFailed', { reason: (failure as Error).message });
  }
  const finished = performance.now();
  const completionTokens = meter.usedOutputTokens - outputBefore;
  const decodeSeconds = firstTokenSampledAt === null ? 0 : (finished - firstTokenSampledAt) / 1000;
  const stop = response.metadata.stopReason;
  const promptEvaluated = (inputAtFirstToken ?? meter.usedInputTokens) - inputBefore;
  const result: GenerateResult = {
    text: response.response,
    stopReason: stop === 'abort' ? 'aborted' : stop === 'maxTokens' ? 'max_tokens' : 'end_of_turn',
    promptTokens: promptEvaluated,
    cachedTokens: kept,
    completionTokens,
    timeToFirstTokenMs: firstTokenAt === null ? null : firstTokenAt - started,
    tokensPerSecond: completionTokens > 1 && decodeSeconds > 0 ? (completionTokens - 1) / decodeSeconds : null,
    context,
  };
  const toolCalls = answerToolCalls(rules, response);
  if (toolCalls) {
    result.toolCalls = toolCalls;
    // A forced call's JSON is the call, not text the model said.
    if (forcedTool && toolCalls.length > 0) result.text = '';
  }
  callbacks.onAnswered(result);

  const closingStarted = { tokenized: renderer.tokenized, input: meter.usedInputTokens };
  // An answer with tools is not plain text: the next request renders it as calls, so it is not kept.
  const closing = params.output?.tools
    ? notClosed(params.saveTurnState, 'answers with tools are not kept')
    : await closeTurn(turn, history, result.text, base, prompt.tokens, params.saveTurnState);
  if (closing.live) turn.live = { key: params.requestId, items: history.length + 1, tokens: sequence.nextTokenIndex };
  return {
    ...result,
    promptState,
    turnState: closing.turnState,
    turnStateSkipped: closing.turnStateSkipped,
    live: closing.live,
    work: {
      promptTokenized,
      promptEvaluated,
      closingTokenized: renderer.tokenized - closingStarted.tokenized,
      closingEvaluated: meter.usedInputTokens - closingStarted.input,
      answerReread: closing.answerReread,
      closingMs: closing.closingMs,
      stateSaveMs: closing.stateSaveMs,
    },
  };
}

/** The verdict on a loaded state's bytes: null when sound, else why they must not be used. */
export type Verdict = Promise<string | null>;

/** A saved state that was not loaded. `tainted`: its numbers may be in the context, which must be replaced. */
export class StateNotLoaded extends Error {
  constructor(
    reason: string,
    readonly tainted: boolean,
    options?: ErrorOptions,
  ) {
    super(`the saved state could not be loaded: ${reason}`, options);
  }
}

/**
 * Loads a saved state into the model's sequence. Its layout is checked against the model first
 * (learned from a state the model writes itself, the first time): nothing llama.cpp could abort
 * on or read out of bounds gets to it. Its bytes — checksum (`sha256`: the checksum they must
 * have; null: main checked them) and finite numbers — are checked on the verifier thread:
 * - `before` the load (a preload, which nothing waits on), or
 * - `alongside` it: the returned verdict then comes while llama.cpp loads the state and reads the
 *   prompt, and must be in before anything computed from the state leaves the engine; a verdict
 *   against it means the context must be replaced (a NaN loaded into a context poisons it for
 *   good: measured, an rwkv6 re-read after clearHistory still answered NUL bytes).
 * Throws StateNotLoaded (the sequence is then empty). `onResuming` brackets the moment llama.cpp
 * reads the file, so that main knows which state took the engine down if it dies there.
 */
export async function loadSavedState<T = never>(
  turn: TurnModel,
  path: string,
  sha256: string | null,
  onResuming: (done: boolean) => Promise<void>,
  when: 'before' | 'alongside',
  /** Work on the engine's thread while llama.cpp loads the state, given the tokens its file holds. */
  meanwhile?: (tokens: readonly Token[]) => T,
): Promise<{ verdict: Verdict; tokens: readonly Token[]; meanwhile: T | undefined }> {
  const sequence = turn.chat.sequence;
  let verdict: Verdict | null = null;
  try {
    const stateModel = { vocabularySize: turn.vocabularySize, contextSize: sequence.contextSize };
    if (turn.stateLayout === undefined) {
      const first = turn.model.tokenize('a')[0];
      if (first === undefined) throw new Error('the model has no token for "a"');
      turn.stateLayout = await learnModelStateLayout(sequence, `${path}.layout`, first, stateModel);
    }
    if (!turn.stateLayout) throw new Error('Hearth cannot check saved states of this kind of model');
    const opened = openCheckedState(path, stateModel, turn.stateLayout, sha256);
    verdict = turn.verifier.verify(opened, sha256);
    if (when === 'before') {
      const problem = await verdict;
      if (problem) throw new Error(problem);
    }
    await sequence.clearHistory();
    await onResuming(false);
    const loading = sequence.loadStateFromFile(path, { acceptRisk: true });
    // Awaited below; until then a failure must not count as unhandled.
    loading.catch(() => undefined);
    let alongside: T | undefined;
    if (meanwhile) {
      // node-llama-cpp takes its locks in a few microtasks before llama.cpp starts on its own thread.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        alongside = meanwhile(opened.tokens);
      } catch {
        // Done again, the usual way, once the state is in.
      }
    }
    await loading;
    await onResuming(true);
    return { verdict, tokens: opened.tokens, meanwhile: alongside };
  } catch (error) {
    await onResuming(true);
    await sequence.clearHistory();
    // Failed after llama.cpp began reading bytes not yet checked: their verdict says whether the
    // context may hold bad numbers (and is the better reason).
    const problem = when === 'alongside' && verdict ? await verdict : null;
    throw new StateNotLoaded(problem ?? (error as Error).message, problem !== null, { cause: error });
  }
}

/**
 * Holds what a turn sends out (text, token counts) until the verdict on the state it started from
 * is in: nothing computed from unchecked bytes leaves the engine. Open from the start when there
 * is nothing to wait for.
 */
class OutputGate {
  #held: (() => void)[] | null;

  constructor(open: boolean) {
    this.#held = open ? null : [];
  }

  pass(send: () => void): void {
    if (this.#held) this.#held.push(send);
    else send();
  }

  open(): void {
    const held = this.#held;
    this.#held = null;
    for (const send of held ?? []) send();
  }
}

interface Closing {
  live: boolean;
  answerReread: boolean;
  closingMs: number;
  stateSaveMs: number;
  turnState: WrittenState | null;
  turnStateSkipped: string | null;
}

function notClosed(save: GenerateParams['saveTurnState'], reason: string): Closing {
  return {
    live: false,
    answerReread: false,
    closingMs: 0,
    stateSaveMs: 0,
    turnState: null,
    turnStateSkipped: save ? reason : null,
  };
}

/**
 * Ends the sequence the way the next turn's rendering will begin: the history and the answer as a
 * closed turn. The answer's own tokens usually are exactly that, so only the end-of-turn tokens are
 * read; otherwise the sequence goes back to before the answer (LlamaChat's checkpoint, or the cut
 * of an attention cache) and reads the answer again. Then the state is written when asked.
 */
async function closeTurn(
  turn: TurnModel,
  history: readonly ChatHistoryItem[],
  answer: string,
  base: TokenBase | null,
  prompt: readonly Token[],
  save: GenerateParams['saveTurnState'],
): Promise<Closing> {
  const sequence = turn.chat.sequence;
  const started = performance.now();
  const none = (reason: string | null): Closing => ({
    live: false,
    answerReread: false,
    closingMs: performance.now() - started,
    stateSaveMs: 0,
    turnState: null,
    turnStateSkipped: save ? reason : null,
  });
  if (!answer) return none('the answer is empty');
  const held = sequence.contextTokens;
  // A context shift (an attention model whose context filled up) dropped part of the history.
  if (!startsWith(held, prompt)) return none('the conversation no longer fits the context');
  const closedHistory: ChatHistoryItem[] = [...history, { type: 'model', response: [answer] }];
  // A turn read from the start closes from the closed part of its history, found in the prompt:
  // closing it renders only the last exchange, not the whole history.
  const closingBase = base ?? turn.renderer.findBase(history, prompt);
  const closed =
    (closingBase && turn.renderer.extend(closingBase, closedHistory, 'closed')) ?? turn.renderer.closed(closedHistory);
  if (!startsWith(closed, prompt)) return none('the answer changed how the history tokenizes');
  if (closed.length >= sequence.contextSize - 1) return none('the conversation no longer fits the context');
  const answerReread = !startsWith(closed, held);
  try {
    if (answerReread) await sequence.adaptStateToTokens(closed, false);
    await sequence.evaluateWithoutGeneratingNewTokens(closed.slice(sequence.nextTokenIndex));
  } catch (error) {
    await sequence.clearHistory().catch(() => undefined);
    return none(`the turn could not be closed: ${(error as Error).message}`);
  }
  const closedAt = performance.now();
  const closedTurn: Closing = {
    live: true,
    answerReread,
    closingMs: closedAt - started,
    stateSaveMs: 0,
    turnState: null,
    turnStateSkipped: null,
  };
  if (!save) return closedTurn;
  const estimate = turn.stateBytesPerToken * closed.length;
  if (estimate > save.maxBytes) {
    return {
      ...closedTurn,
      turnStateSkipped: `the state would take about ${megabytes(estimate)} MB, over the ${megabytes(save.maxBytes)} MB cap`,
    };
  }
  try {
    const written = await writeState(sequence, save.path);
    const saved = { ...closedTurn, stateSaveMs: performance.now() - closedAt };
    if (written.byteSize > save.maxBytes) {
      await unlink(save.path).catch(() => undefined);
      return { ...saved, turnStateSkipped: `the state takes ${megabytes(written.byteSize)} MB, over the cap` };
    }
    return { ...saved, turnState: written };
  } catch (error) {
    await unlink(save.path).catch(() => undefined);
    return { ...closedTurn, turnStateSkipped: await whyNotWritten(save.path, error) };
  }
}

/**
 * The state after the system prompt alone, for the prompt cache: read the system prompt (as a
 * closed turn) first, save, and let the rest of the prompt follow. A state that cannot be written
 * costs a re-read later, never the answer.
 */
async function savePromptState(
  turn: TurnModel,
  history: readonly ChatHistoryItem[],
  prompt: readonly Token[],
  path: string,
  callbacks: TurnCallbacks,
): Promise<WrittenState | null> {
  const system = history[0];
  if (system?.type !== 'system') return null;
  const sequence = turn.chat.sequence;
  const systemTokens = turn.renderer.closed([system]);
  if (sequence.nextTokenIndex > systemTokens.length || !startsWith(prompt, systemTokens)) return null;
  await sequence.evaluateWithoutGeneratingNewTokens(systemTokens.slice(sequence.nextTokenIndex));
  return writeState(sequence, path).catch(async (error: unknown) => {
    await unlink(path).catch(() => undefined);
    callbacks.log(`system-prompt state not saved: ${await whyNotWritten(path, error)}`);
    return null;
  });
}

async function writeState(sequence: LlamaContextSequence, path: string): Promise<WrittenState> {
  const { fileSize } = await sequence.saveStateToFile(path);
  return { path, tokenCount: sequence.nextTokenIndex, byteSize: fileSize };
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 ** 2);

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
    history.push(turn.role === 'user' ? { type: 'user', text: turn.text } : modelResponse(turn));
  }
  return history;
}

import { basename } from 'node:path';
import type { EngineLoadedModel, EngineStatus, LoadedModel } from '../../contract/index.js';
import type { SupervisorStatus } from '../engine/EngineSupervisor.js';
import type { ModelLibrary } from '../models/ModelLibrary.js';

/** The engine's status as the renderer sees it: models named by library id, not by path. */
export function engineStatusView(status: SupervisorStatus, library: ModelLibrary): EngineStatus {
  const idOf = (modelPath: string) => library.idFor(modelPath) ?? basename(modelPath);
  return {
    state: status.state,
    pid: status.pid,
    loadedModel: status.loaded && loadedModel(status.loaded, idOf(status.loaded.modelPath)),
    loadingModelId: status.loadingPath && idOf(status.loadingPath),
    lastExit: status.lastExit,
    restarts: status.restarts,
  };
}

function loadedModel(loaded: EngineLoadedModel, modelId: string): LoadedModel {
  return {
    modelId,
    architecture: loaded.architecture,
    stateKind: loaded.stateKind,
    name: loaded.name,
    chatWrapper: loaded.chatWrapper,
    trainedContextLength: loaded.trainedContextLength,
    contextSize: loaded.contextSize,
    threads: loaded.threads,
    gpu: loaded.gpu,
    device: loaded.device,
    gpuLayers: loaded.gpuLayers,
    batchSize: loaded.batchSize,
    cpuVariant: loaded.cpuVariant,
    loadMs: loaded.loadMs,
  };
}

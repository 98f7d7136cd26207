import type { ApiServerStatus } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

export interface ServerSlice {
  /** The local API as main last reported it (every change arrives as a `server.changed` event). */
  apiServer: ApiServerStatus | null;

  setApiServer: (status: ApiServerStatus) => void;
}

export const createServerSlice: SliceCreator<ServerSlice> = (set) => ({
  apiServer: null,

  setApiServer: (apiServer) => set({ apiServer }),
});

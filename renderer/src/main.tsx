// Must stay the first import: it configures zod before the contract's schemas are created.
import '../../contract/zodJitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect.js';
import { App } from './components/App.js';
import { CommandsProvider } from './session/CommandsContext.js';
import { createCommands } from './session/createCommands.js';
import { wireApiEvents } from './session/wireApiEvents.js';
import { setAppIcon } from './setAppIcon.js';
import { useAppStore } from './store/appStore.js';
import './styles/index.css';

setAppIcon();

const api = connect();
const commands = createCommands(api, useAppStore);
wireApiEvents(api, useAppStore, commands);
void commands.loadAll();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <CommandsProvider commands={commands}>
      <App />
    </CommandsProvider>
  </StrictMode>,
);

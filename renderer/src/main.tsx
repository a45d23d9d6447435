import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/layout.css';
import './styles/table.css';
import './styles/connection-row.css';
import './styles/folder-tree.css';
import './styles/menus.css';
import './styles/dialogs.css';
import './styles/add-connection.css';
import './styles/check-dialog.css';
import './styles/diagnostics.css';
import './styles/diagnostics-history.css';
import './styles/security.css';
import './styles/backup.css';

const container = document.getElementById('root');
if (!container) throw new Error('ConnectDesk: #root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

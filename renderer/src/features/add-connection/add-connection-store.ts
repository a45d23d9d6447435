import { create } from 'zustand';
import type {
  AuthPhase,
  AuthProgressDto,
  ConnectionSummaryDto,
  ConnectorSummaryDto,
  CreationContextDto,
  ErrorInfoDto,
  SiteDto,
} from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { buildDraft, emptyForm, initialForm, reconnectForm, validateForm, type DraftForm, type FieldErrors } from './draft-form';

export type AddStep = 'connector' | 'settings' | 'permissions' | 'sign-in' | 'site' | 'done';

export const CANCELLED_NOTE = 'Sign-in was cancelled. Nothing was saved, and your settings are still here.';

interface AddConnectionState {
  isOpen: boolean;
  step: AddStep;
  /** One per dialog: main recognises a repeated Connect/Accept for the same draft and reuses the sign-in. */
  draftId: string;
  initialFolderId: string;
  connectors: ConnectorSummaryDto[] | null;
  connectorsError: ErrorInfoDto | null;
  query: string;
  connectorId: string | null;
  context: CreationContextDto | null;
  contextError: ErrorInfoDto | null;
  form: DraftForm;
  fieldErrors: FieldErrors;
  /** Why the last sign-in failed; shown as a banner on Settings. */
  failure: ErrorInfoDto | null;
  notice: string | null;
  attemptId: string | null;
  phase: AuthPhase | null;
  beginning: boolean;
  cancelRequested: boolean;
  sites: SiteDto[];
  /** Reconnect: the site the connection used, when this sign-in cannot reach it. */
  previousSite: SiteDto | null;
  choosingSite: boolean;
  siteError: ErrorInfoDto | null;
  connection: ConnectionSummaryDto | null;
  /** Attempts that ended here; their late events are ignored. */
  endedAttempts: readonly string[];
  /** Reconnect mode: the connection signing in again (its ID, folder and name are kept). */
  reconnect: ConnectionSummaryDto | null;

  open: (folderId: string) => void;
  /** Opens at Settings to sign in again for an existing connection. */
  openReconnect: (connection: ConnectionSummaryDto) => void;
  close: () => void;
  setQuery: (query: string) => void;
  selectConnector: (connectorId: string) => Promise<void>;
  updateForm: (patch: Partial<DraftForm>) => void;
  submitSettings: () => boolean;
  goTo: (step: 'connector' | 'settings') => void;
  accept: () => Promise<void>;
  /** Brings the running sign-in window forward: the same draft again, which main answers with reused: true. */
  showSignInWindow: () => Promise<void>;
  cancelSignIn: () => Promise<void>;
  chooseSite: (cloudId: string) => Promise<void>;
  onProgress: (event: AuthProgressDto) => void;
}

const closedState = {
  isOpen: false,
  step: 'connector' as AddStep,
  draftId: '',
  initialFolderId: '',
  query: '',
  connectorId: null,
  context: null,
  contextError: null,
  form: emptyForm,
  fieldErrors: {},
  failure: null,
  notice: null,
  attemptId: null,
  phase: null,
  beginning: false,
  cancelRequested: false,
  sites: [],
  previousSite: null as SiteDto | null,
  choosingSite: false,
  siteError: null,
  connection: null,
  endedAttempts: [] as readonly string[],
  reconnect: null as ConnectionSummaryDto | null,
};

const draftOf = (s: Pick<AddConnectionState, 'form' | 'draftId' | 'reconnect'>, connectorId: string) =>
  buildDraft(s.form, s.draftId, connectorId, s.reconnect?.id);

const fallbackFailure: ErrorInfoDto = {
  code: 'AUTH_FAILED',
  message: 'Signing in to Atlassian did not finish.',
  remediation: 'Check the settings below and select Connect to try again.',
};

export const useAddConnectionStore = create<AddConnectionState>()((set, get) => {
  /** Ends the running attempt on this side and returns to Settings. */
  const endAttempt = (attemptId: string | null, patch: Partial<AddConnectionState>) =>
    set((s) => ({
      attemptId: null,
      phase: null,
      beginning: false,
      cancelRequested: false,
      choosingSite: false,
      sites: [],
      previousSite: null,
      siteError: null,
      endedAttempts: attemptId ? [...s.endedAttempts, attemptId] : s.endedAttempts,
      ...patch,
    }));

  const requestCancel = (attemptId: string) =>
    invoke('connections:cancel-authorization', { attemptId }).then(
      () => true,
      () => false,
    );

  return {
    ...closedState,
    connectors: null,
    connectorsError: null,

    open(folderId) {
      set({ ...closedState, isOpen: true, draftId: crypto.randomUUID(), initialFolderId: folderId });
      if (!get().connectors) {
        invoke('connectors:list', {}).then(
          (connectors) => set({ connectors, connectorsError: null }),
          (error: unknown) => set({ connectorsError: toErrorInfo(error) }),
        );
      }
    },

    openReconnect(connection) {
      set({ ...closedState, isOpen: true, draftId: crypto.randomUUID(), initialFolderId: connection.folderId, reconnect: connection });
      void get().selectConnector(connection.connectorId);
    },

    close() {
      const { attemptId, endedAttempts } = get();
      if (attemptId && !endedAttempts.includes(attemptId)) void requestCancel(attemptId);
      set({ ...closedState });
    },

    setQuery(query) {
      set({ query });
    },

    async selectConnector(connectorId) {
      const { context, connectorId: previous, draftId } = get();
      if (previous === connectorId && context) return set({ step: 'settings' });
      set({ connectorId, step: 'settings', context: null, contextError: null, fieldErrors: {}, failure: null, notice: null });
      try {
        const loaded = await invoke('connections:creation-context', { connectorId });
        if (get().draftId !== draftId || get().connectorId !== connectorId) return;
        const { reconnect, initialFolderId } = get();
        set({ context: loaded, form: reconnect ? reconnectForm(reconnect) : initialForm(loaded, initialFolderId) });
      } catch (error) {
        if (get().draftId === draftId) set({ contextError: toErrorInfo(error) });
      }
    },

    updateForm(patch) {
      set((s) => {
        const fieldErrors = { ...s.fieldErrors };
        for (const key of Object.keys(patch) as (keyof DraftForm)[]) {
          if (key === 'authType') {
            delete fieldErrors.clientId;
            delete fieldErrors.clientSecret;
          } else if (key === 'clientSecretSource' || key === 'clientSecretAssetId') delete fieldErrors.clientSecret;
          else delete fieldErrors[key];
        }
        return { form: { ...s.form, ...patch }, fieldErrors };
      });
    },

    submitSettings() {
      const { form, context, reconnect } = get();
      if (!context) return false;
      const fieldErrors = validateForm(form, context, reconnect);
      set({ fieldErrors });
      if (Object.keys(fieldErrors).length > 0) return false;
      set({ step: 'permissions' });
      return true;
    },

    goTo(step) {
      if (get().attemptId || get().beginning || (step === 'connector' && get().reconnect)) return;
      set({ step });
    },

    async accept() {
      const state = get();
      // A sign-in is already running for this draft: never start a second one.
      if (state.beginning || state.attemptId || !state.context || !state.connectorId) return;
      const { draftId } = state;
      const draft = draftOf(state, state.connectorId);
      set({ step: 'sign-in', phase: 'starting', beginning: true, failure: null, notice: null, connection: null });
      try {
        const { attemptId } = await invoke('connections:begin-authorization', draft);
        const now = get();
        if (now.draftId !== draftId) {
          void requestCancel(attemptId); // the dialog closed while main was starting
          return;
        }
        if (now.endedAttempts.includes(attemptId)) return set({ beginning: false });
        set({ attemptId, beginning: false });
        if (now.cancelRequested) await get().cancelSignIn();
      } catch (error) {
        if (get().draftId === draftId) endAttempt(null, { step: 'settings', failure: toErrorInfo(error) });
      }
    },

    async showSignInWindow() {
      const state = get();
      const { attemptId, beginning, context, connectorId, draftId } = state;
      if (!attemptId || beginning || !context || !connectorId) return;
      set({ beginning: true });
      try {
        await invoke('connections:begin-authorization', draftOf(state, connectorId));
      } catch {
        // Nothing to show: the running attempt reports its own outcome.
      } finally {
        if (get().draftId === draftId) set({ beginning: false });
      }
    },

    async cancelSignIn() {
      const { attemptId, draftId } = get();
      if (!attemptId) {
        if (get().beginning) set({ cancelRequested: true });
        return;
      }
      set({ cancelRequested: true });
      await requestCancel(attemptId);
      // Main answers with a 'cancelled' event; if it already finished the attempt, stop waiting anyway.
      const now = get();
      if (now.draftId === draftId && now.attemptId === attemptId) endAttempt(attemptId, { step: 'settings', notice: CANCELLED_NOTE });
    },

    async chooseSite(cloudId) {
      const { attemptId } = get();
      if (!attemptId || get().choosingSite) return;
      set({ choosingSite: true, siteError: null });
      try {
        await invoke('connections:choose-site', { attemptId, cloudId });
      } catch (error) {
        if (get().attemptId === attemptId) set({ choosingSite: false, siteError: toErrorInfo(error) });
      }
    },

    onProgress(event) {
      const s = get();
      if (!s.isOpen || event.draftId !== s.draftId || s.endedAttempts.includes(event.attemptId)) return;
      if (s.attemptId && event.attemptId !== s.attemptId) return;
      switch (event.phase) {
        case 'connected':
          return endAttempt(event.attemptId, { step: 'done', connection: event.connection ?? null });
        case 'failed':
          return endAttempt(event.attemptId, { step: 'settings', failure: event.error ?? fallbackFailure });
        case 'cancelled':
          return endAttempt(event.attemptId, { step: 'settings', notice: CANCELLED_NOTE });
        case 'choosing-site':
          return set({
            attemptId: event.attemptId,
            phase: event.phase,
            step: 'site',
            sites: event.sites ?? [],
            previousSite: event.previousSite ?? null,
            choosingSite: false,
          });
        default:
          return set({ attemptId: event.attemptId, phase: event.phase, step: s.step === 'site' ? 'site' : 'sign-in' });
      }
    },
  };
});

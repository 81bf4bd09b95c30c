import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { errorMessage, getToken, send, setSessionExpiredHandler, setToken, type Output } from '../api/client';
import type { Role } from '../labels';

export type Me = Output<'auth.me'>;
export type SetupStatus = Output<'setup.status'>;

interface SessionState {
  status: 'loading' | 'failed' | 'ready';
  loadError: string | null;
  setup: SetupStatus | null;
  me: Me | null;
  /** shown once on the login page, e.g. 登录已过期 */
  notice: string | null;
  /** the user logged out on purpose: the next login starts at the dashboard, not where they were */
  loggedOut: boolean;
}

export interface Session extends SessionState {
  /** stores the token of a successful login / first-run setup and loads the current user */
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
  /** reloads the current user and court (after a password change or settings update) */
  refreshMe(): Promise<void>;
  retry(): void;
  clearNotice(): void;
  hasRole(role: Role): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

const INITIAL: SessionState = { status: 'loading', loadError: null, setup: null, me: null, notice: null, loggedOut: false };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(INITIAL);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setSessionExpiredHandler((message) => setState((s) => ({ ...s, me: null, notice: message })));
    return () => setSessionExpiredHandler(null);
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const setup = await send('setup.status');
        let me: Me | null = null;
        if (setup.initialised && getToken()) {
          try {
            me = await send('auth.me');
          } catch {
            me = null; // an expired token: the expired handler has set the notice
          }
        }
        if (!cancelled) setState((s) => ({ ...s, status: 'ready', loadError: null, setup, me }));
      } catch (err) {
        if (!cancelled) setState((s) => ({ ...s, status: 'failed', loadError: errorMessage(err) }));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const signIn = useCallback(async (token: string) => {
    setToken(token);
    const me = await send('auth.me');
    setState((s) => ({
      ...s,
      me,
      notice: null,
      loggedOut: false,
      setup: { initialised: true, court: { name: me.court.name, code: me.court.code } },
    }));
  }, []);

  const signOut = useCallback(async () => {
    try {
      await send('auth.logout');
    } catch {
      // the session may already be gone; logging out locally is what matters
    }
    setToken(null);
    setState((s) => ({ ...s, me: null, notice: null, loggedOut: true }));
  }, []);

  const refreshMe = useCallback(async () => {
    const me = await send('auth.me');
    setState((s) => ({ ...s, me, setup: { initialised: true, court: { ...me.court } } }));
  }, []);

  const session = useMemo<Session>(
    () => ({
      ...state,
      signIn,
      signOut,
      refreshMe,
      retry: () => {
        setState(INITIAL);
        setAttempt((n) => n + 1);
      },
      clearNotice: () => setState((s) => ({ ...s, notice: null })),
      hasRole: (role) => state.me?.user.roles.includes(role) ?? false,
    }),
    [state, signIn, signOut, refreshMe],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

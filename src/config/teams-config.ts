// Microsoft Teams' part of the configuration (the Bot Framework app registration).
import type { Env } from './env-schema.js';

/** Microsoft Teams (Bot Framework) settings. */
export interface TeamsConfig {
  /** Teams is on when an app id is set, or when unauthenticated local use is allowed (the Emulator). */
  readonly enabled: boolean;
  readonly appId?: string;
  readonly appPassword?: string;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly appTenantId?: string;
  readonly allowUnauthenticated: boolean;
}

/** Teams is on with an app id (or for the Emulator); a password is needed except for managed identities. */
export function readTeamsConfig(e: Env, problems: string[]): TeamsConfig {
  const appType = (e.MicrosoftAppType ?? 'MultiTenant') as TeamsConfig['appType'];
  const allowUnauthenticated = e.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
  // `Production` or `PRODUCTION` is production too: a capital letter must not turn the guard off.
  if (allowUnauthenticated && e.NODE_ENV?.toLowerCase() === 'production') {
    problems.push(
      'TEAMS_ALLOW_UNAUTHENTICATED: not allowed when NODE_ENV=production (it turns off Bot Framework authentication; use it only with the Emulator)',
    );
  }
  if (e.MicrosoftAppId !== undefined) {
    if (e.MicrosoftAppPassword === undefined && appType !== 'UserAssignedMSI') {
      problems.push('MicrosoftAppPassword: required with MicrosoftAppId (unless MicrosoftAppType=UserAssignedMSI)');
    }
    if (appType === 'SingleTenant' && e.MicrosoftAppTenantId === undefined) {
      problems.push('MicrosoftAppTenantId: required with MicrosoftAppType=SingleTenant');
    }
  } else if (e.MicrosoftAppPassword !== undefined) {
    problems.push('MicrosoftAppId: required with MicrosoftAppPassword');
  }
  return {
    enabled: e.MicrosoftAppId !== undefined || allowUnauthenticated,
    ...(e.MicrosoftAppId !== undefined ? { appId: e.MicrosoftAppId } : {}),
    ...(e.MicrosoftAppPassword !== undefined ? { appPassword: e.MicrosoftAppPassword } : {}),
    appType,
    ...(e.MicrosoftAppTenantId !== undefined ? { appTenantId: e.MicrosoftAppTenantId } : {}),
    allowUnauthenticated,
  };
}

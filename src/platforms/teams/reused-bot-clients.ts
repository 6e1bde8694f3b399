// The Bot Framework clients an authenticated activity needs, made once and reused. For every activity, botbuilder's
// CloudAdapter builds a ConnectorClient (and its Azure HTTP pipeline) and a UserTokenClient (another pipeline), about
// 100 µs of CPU and their garbage on the Teams path, though both depend only on the bot's app id, the activity's
// serviceUrl and the outbound audience: the same few values for every activity. The clients hold no per-activity
// state (credentials fetch and cache their own tokens), so one per key serves every turn.
// https://learn.microsoft.com/javascript/api/botbuilder-core/cloudadapterbase#botbuilder-core-cloudadapterbase-processactivity
import { AuthenticationConstants } from 'botframework-connector';
import type { ClaimsIdentity, ConnectorClient, ConnectorFactory, UserTokenClient } from 'botframework-connector';

/** Clients kept of each kind at most (service URLs are a handful per region); past it the oldest is dropped. */
const MAX_CLIENTS = 64;

/** The app id botbuilder makes an activity's clients for (its getAppId: the audience claim, else the appid claim). */
export function clientAppId(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** One ConnectorClient per (app id, serviceUrl, audience) and one UserTokenClient per app id. */
export interface ReusedBotClients {
  /** A factory that hands out the kept client for its key, made by `inner` the first time. */
  connectorFactory(inner: ConnectorFactory, appId: string): ConnectorFactory;
  /** The kept UserTokenClient for `appId`, made by `make` the first time. */
  userTokenClient(appId: string, make: () => Promise<UserTokenClient>): Promise<UserTokenClient>;
}

/** Creates the two caches. */
export function reusedBotClients(): ReusedBotClients {
  const connectors = new Map<string, Promise<ConnectorClient>>();
  const tokenClients = new Map<string, Promise<UserTokenClient>>();
  return {
    connectorFactory: (inner, appId) => ({
      create: (serviceUrl: string, audience?: string) =>
        kept(connectors, JSON.stringify([appId, serviceUrl, audience ?? null]), () =>
          inner.create(serviceUrl, audience),
        ),
    }),
    userTokenClient: (appId, make) => kept(tokenClients, appId, make),
  };
}

// The promise kept under `key`, or a new one; a failure is not kept, so the next activity tries again.
function kept<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const found = map.get(key);
  if (found) return found;
  const made = make();
  map.set(key, made);
  if (map.size > MAX_CLIENTS) map.delete(map.keys().next().value!);
  made.catch(() => {
    if (map.get(key) === made) map.delete(key);
  });
  return made;
}

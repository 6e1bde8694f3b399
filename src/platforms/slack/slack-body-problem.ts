// What is wrong with a parsed Slack request body, judged before Bolt sees it. Bolt 4's HTTPReceiver and App read
// the body without guards (`body.ssl_check` on a JSON `null`, `body.user.team_id` on an interactivity payload
// without a user, `[payload] = body.actions` on a number…): a body Slack never sends becomes a TypeError, either
// outside any handler (an unhandled rejection, the request never answered) or as a 500. This check mirrors how Bolt
// classifies a body (helpers.getTypeAndConversation) and refuses, as a 400, exactly the shapes it would trip on.
// Every real Slack payload passes: https://docs.slack.dev/reference/interaction-payloads/
//
// Bolt 4.x is pinned in package-lock.json; when it is upgraded, re-read App.processEvent and buildSource (the
// fuzz suite test/service/fuzz-service.test.ts fails if a new unguarded read appears).

type Json = Record<string, unknown>;

/** Why Bolt could not safely handle this parsed body, or undefined when it can. */
export function slackBodyProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body is not a JSON object';
  if (hasPrototypeId(body)) {
    // Bolt keeps its Web API clients in a plain object keyed by team or enterprise id: an id such as "valueOf" finds
    // Object.prototype's function there, and the request fails with a 500 (fast-check found it).
    return 'a team or enterprise id must be a Slack id';
  }
  if (body.event !== undefined) return eventProblem(body);
  if (body.command !== undefined) {
    // Slash commands arrive form-encoded, every field one string; a repeated field parses to an array.
    // (The problem never names the field: it is the client's text.)
    return Object.values(body).every((v) => typeof v === 'string')
      ? undefined
      : 'every slash-command field must be one string';
  }
  const options = body.name !== undefined || body.type === 'block_suggestion';
  const action = !options && (body.actions !== undefined || body.type === 'dialog_submission');
  const shortcut = body.type === 'shortcut' || body.type === 'message_action';
  const view = body.type === 'view_submission' || body.type === 'view_closed';
  if (!options && !action && !shortcut && !view) {
    // Bolt answers these two itself. Anything else it cannot classify it would leave unanswered until its 3-second
    // "unhandled request" timeout (then 404): a clear 400 at once instead.
    if (body.type === 'url_verification' || body.ssl_check === '1') return undefined;
    return 'not a slash command, interactivity payload or event';
  }

  // Every interactive payload names its user; the team may be null (org-wide installs), never another shape.
  if (!isObject(body.user)) return '`user` must be an object';
  if (!nullOrObject(body.team)) return '`team` must be an object or null';
  if (!nullOrObject(body.enterprise)) return '`enterprise` must be an object or null';
  if (body.channel !== undefined && !isObject(body.channel)) return '`channel` must be an object';
  if (view && !isObject(body.view)) return '`view` must be an object';
  if (body.actions !== undefined) {
    if (!Array.isArray(body.actions) || body.actions.length === 0) return '`actions` must be a non-empty array';
    const first: unknown = body.actions[0];
    if (!isObject(first)) return '`actions` must hold objects';
    // Bolt matches listeners with `action_id.match(…)` and `block_id.match(…)`.
    if (first.action_id !== undefined && typeof first.action_id !== 'string') return '`action_id` must be a string';
    if (first.block_id !== undefined && typeof first.block_id !== 'string') return '`block_id` must be a string';
  }
  if (!body.response_url && body.response_urls !== undefined) {
    if (!Array.isArray(body.response_urls)) return '`response_urls` must be an array';
    if (body.response_urls.length > 0 && !isObject(body.response_urls[0])) return '`response_urls` must hold objects';
  }
  return undefined;
}

// Events API bodies: Bolt uses `in` on the event and its channel/item, and reads authorizations[0].team_id.
function eventProblem(body: Json): string | undefined {
  const event = body.event;
  if (!isObject(event)) return '`event` must be an object';
  if ('user' in event && event.user !== undefined && typeof event.user !== 'string' && !isObject(event.user)) {
    return '`event.user` must be a string or an object';
  }
  if ('channel' in event && typeof event.channel !== 'string' && !isObject(event.channel)) {
    return '`event.channel` must be a string or an object';
  }
  if ('item' in event && !isObject(event.item)) return '`event.item` must be an object';
  if ('subteam' in event && !isObject(event.subteam)) return '`event.subteam` must be an object';
  if (Array.isArray(body.authorizations) && body.authorizations.length > 0 && !isObject(body.authorizations[0])) {
    return '`authorizations` must hold objects';
  }
  return undefined;
}

/** Whether a team or enterprise id the body carries, wherever Bolt reads one from, names a property of Object. */
function hasPrototypeId(body: Json): boolean {
  const first = Array.isArray(body.authorizations) ? body.authorizations[0] : undefined;
  // Checked one by one rather than gathered in an array: this runs on every request.
  return (
    prototypeId(body.team_id) ||
    prototypeId(body.enterprise_id) ||
    prototypeId(body.team) ||
    prototypeId(body.enterprise) ||
    prototypeId(first)
  );
}

// A string naming a property of Object.prototype, or an object whose id, team_id or enterprise_id is one.
function prototypeId(value: unknown): boolean {
  if (isObject(value))
    return isPrototypeKey(value.id) || isPrototypeKey(value.team_id) || isPrototypeKey(value.enterprise_id);
  return isPrototypeKey(value);
}

function isPrototypeKey(id: unknown): boolean {
  return typeof id === 'string' && id in Object.prototype;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nullOrObject(value: unknown): boolean {
  return value === undefined || value === null || isObject(value);
}

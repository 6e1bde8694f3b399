// A Teams message activity as the Bot Framework delivers it, with deliveryMode "expectReplies" so that the bot's
// replies come back in the HTTP response body (no Bot Connector needed on the load path).
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object

/** A personal-chat message activity with `text`, answering in the response body. */
export function messageActivity(text: string, id = 'bench-activity-1'): Record<string, unknown> {
  return {
    type: 'message',
    id,
    timestamp: '2026-06-01T09:00:00.000Z',
    localTimestamp: '2026-06-01T11:00:00.000+02:00',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/teams-service/',
    from: { id: '29:bench-user', name: 'Bench User', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    conversation: {
      id: 'a:bench-conversation',
      conversationType: 'personal',
      tenantId: '00000000-0000-0000-0000-0000000000aa',
    },
    recipient: { id: '28:bench-bot', name: 'caac' },
    text,
    textFormat: 'plain',
    locale: 'en-GB',
    deliveryMode: 'expectReplies',
    channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000aa' } },
  };
}

/** `n` message activities with `text` from distinct users in distinct conversations, as JSON request bodies. */
export function teamsPool(text: string, n: number): Array<{ headers: Record<string, string>; body: string }> {
  return Array.from({ length: n }, (_, i) => {
    const activity = messageActivity(text, `bench-activity-${i}`);
    activity.from = { id: `29:bench-user-${i}`, name: 'Bench User' };
    activity.conversation = {
      id: `a:bench-conversation-${i}`,
      conversationType: 'personal',
      tenantId: '00000000-0000-0000-0000-0000000000aa',
    };
    return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) };
  });
}

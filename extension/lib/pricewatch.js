// The worker's side of price watch: an item's price history, and the person's watches.

import { pathId } from "./api.js";
import { authedRequest } from "./session.js";

export const priceWatchHandlers = {
  "items.priceHistory": async ({ itemId, days }) =>
    (await authedRequest(`/items/${pathId(itemId)}/price-history?${new URLSearchParams({ days: String(days) })}`)).data,
  "watches.list": async () => (await authedRequest("/watches")).data.items,
  "watches.save": async ({ itemId, watch }) =>
    (await authedRequest(`/items/${pathId(itemId)}/watch`, { method: "PUT", body: watch })).data,
  "watches.remove": async ({ itemId }) => {
    await authedRequest(`/items/${pathId(itemId)}/watch`, { method: "DELETE" });
    return null;
  },
};

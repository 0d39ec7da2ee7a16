// The worker's side of collaboration in the carts panel: who is on a cart, and who reserved what.

import { pathId } from "./api.js";
import { authedRequest } from "./session.js";

export const collaborationHandlers = {
  "carts.members": async ({ cartId }) => (await authedRequest(`/carts/${pathId(cartId)}/members`)).data,
  "carts.reservations": async ({ cartId }) => (await authedRequest(`/carts/${pathId(cartId)}/reservations`)).data,
};

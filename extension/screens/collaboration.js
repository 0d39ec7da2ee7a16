// Per cart in the carts panel: "Members" (who is on the cart, with their roles), and per item "Reserved by …" for
// the people allowed to know (members; the owner only with surprises off, since a gift list keeps its secret).

import { el } from "../lib/dom.js";
import { ask } from "../lib/messages.js";

const ROLE_LABELS = { owner: "owner", editor: "can edit", viewer: "can view" };

function memberRow(member) {
  return el("li", { class: "member" },
    el("span", { class: "member-name", text: member.name || member.email || "Someone" }),
    member.name && member.email ? el("span", { class: "muted small", text: member.email }) : null,
    el("span", { class: "member-role muted small", text: ROLE_LABELS[member.role] || member.role }));
}

/** A "Members" disclosure that asks for the list when first opened. */
export function membersSection(cart) {
  const list = el("ul", { class: "members", "aria-label": `Members of ${cart.name}` });
  const section = el("details", { class: "members-section" }, el("summary", { text: "Members" }), list);
  section.addEventListener("toggle", async () => {
    if (!section.open || list.childElementCount) return;
    list.append(el("li", { class: "muted small", text: "Loading…" }));
    try {
      const members = await ask("carts.members", { cartId: cart.id });
      list.replaceChildren(...members.map(memberRow));
    } catch (error) {
      list.replaceChildren(el("li", { class: "error-text", text: error.message }));
    }
  });
  return section;
}

/** The cart's reservations by item id; empty where the person may not see them (the owner with surprises on). */
export function reservationsOf(cart) {
  if (cart.role === "owner" && cart.surprises !== false) return Promise.resolve(new Map());
  return ask("carts.reservations", { cartId: cart.id })
    .then((reservations) => new Map(reservations.map((reservation) => [reservation.item_id, reservation])))
    .catch(() => new Map()); // 403 `reservations_hidden`, or a failure: the items still show, without it
}

/** "Reserved by Ann" under an item, once the cart's reservations are known; nothing when it is not reserved. */
export function reservationLine(item, reservations) {
  const line = el("p", { class: "reserved small", hidden: true });
  reservations.then((byItem) => {
    const reservation = byItem.get(item.id);
    if (!reservation) return;
    line.textContent = reservation.by_you ? "Reserved by you" : `Reserved by ${reservation.name}`;
    line.hidden = false;
  });
  return line;
}

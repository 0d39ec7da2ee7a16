"""Collaborators: invite people to a cart by email, accept while signed in, list and manage members.

Membership records and the role checks every route makes live in the carts domain (app/carts/access.py,
members.py), which cannot know people (auth depends on carts). This package joins the two: it sends invitations
through the outbox and shows members by name.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any, Literal

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.auth import repository as auth_repository
from app.auth.tokens import hash_token, page_link
from app.carts import members as carts_members
from app.carts import service as carts
from app.carts.access import MemberRole, require_role
from app.clock import utc_now
from app.collaboration import repository
from app.collaboration.schemas import InvitationAccepted, InvitationQueued, MemberOut, SentInvitationOut
from app.config import Settings
from app.db import in_transaction
from app.errors import BadRequest, Forbidden, NotFound, UnprocessableEntity
from app.mail import OutgoingEmail
from app.outbox import service as outbox
from app.outbox.registry import register_composer
from app.outbox.rendering import email_templates
from app.outbox.schemas import OutboxEntry

# The outbox kind of an invitation email; its token is made when the email is composed, and only its hash kept.
CART_INVITATION = "cart_invitation"
INVITATION_LIFETIME = timedelta(days=7)

_templates = email_templates("app.collaboration")


class InvalidInvitation(BadRequest):
    code = "invalid_invitation"
    message = "Invalid, expired or already used invitation"


def _person(user: dict[str, Any]) -> str:
    # The address is always shown: a display name alone could impersonate anyone.
    return f"{user['name']} ({user['email']})" if user.get("name") else user["email"]


async def invite(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, email: str, role: MemberRole
) -> InvitationQueued:
    """Queue an invitation email to `email` for `role` on the cart (its owner only; the route asks for a verified
    address, VerifiedUser)."""
    await require_role(db, user_id=user_id, cart_id=cart_id, role="owner")
    inviter = await auth_repository.find_user_by_id(db, user_id)
    if inviter is None:
        raise NotFound("Cart not found")  # the account was deleted since the route checked it
    address = email.strip().lower()
    if address == inviter["email"]:
        raise UnprocessableEntity("You own this cart already", details=[{"loc": ["body", "email"]}])
    now = utc_now()
    invitation_id, expires_at = ObjectId(), now + INVITATION_LIFETIME
    invitation: dict[str, Any] = {
        "_id": invitation_id,
        "cart_id": cart_id,
        "inviter_id": user_id,
        "email": address,
        "role": role,
        "created_at": now,
        "expires_at": expires_at,
        "accepted_at": None,
    }

    async def record(session: AsyncClientSession) -> None:
        # Writing the cart makes a concurrent deletion of it conflict instead of leaving an invitation behind.
        await carts.lock_carts(db, user_id=user_id, cart_ids=[cart_id], now=now, session=session)
        await repository.insert_invitation(db, invitation, session)
        payload = {"user_id": user_id, "cart_id": cart_id, "invitation_id": invitation["_id"], "email_address": address}
        await outbox.enqueue(db, kind=CART_INVITATION, payload=payload, session=session)

    await in_transaction(db, record)
    return InvitationQueued(invitation_id=invitation_id, expires_at=expires_at)


async def compose_invitation(entry: OutboxEntry, *, db: AsyncDatabase, settings: Settings) -> OutgoingEmail | None:
    """The outbox composer: mint the token, keep its hash, write the email; None if the invitation is gone."""
    invitation = await repository.find_invitation(db, entry["invitation_id"])
    inviter = await auth_repository.find_user_by_id(db, entry["user_id"])
    cart = await carts.find_cart(db, cart_id=entry["cart_id"])
    if invitation is None or inviter is None or cart is None or invitation["accepted_at"] is not None:
        return None
    token = secrets.token_urlsafe(32)  # 256 random bits
    await repository.set_token_hash(db, invitation_id=invitation["_id"], token_hash=hash_token(token))
    context = {
        "inviter": _person(inviter),
        "cart_name": cart["name"],
        "role": invitation["role"],
        "email": invitation["email"],
        "token": token,
        "accept_url": page_link(settings, "invitation", token),
        "valid_days": INVITATION_LIFETIME.days,
    }
    return OutgoingEmail(
        to=(invitation["email"],),
        subject=f"{_person(inviter)[:80]} invited you to a cart on BuyHive",
        text=_templates.get_template("invitation.txt").render(context),
        html=_templates.get_template("invitation.html").render(context),
    )


register_composer(CART_INVITATION, compose_invitation)


async def accept(db: AsyncDatabase, *, user_id: ObjectId, token: str) -> InvitationAccepted:
    """Join the cart the invitation names, as the signed-in person the invitation was addressed to."""
    now = utc_now()
    token_hash = hash_token(token)
    invitation = await repository.find_live(db, token_hash=token_hash, now=now)
    if invitation is None:
        raise InvalidInvitation()
    user = await auth_repository.find_user_by_id(db, user_id)
    if user is None or user["email"] != invitation["email"]:
        # A forwarded email does not let someone else in: the code works for the address it was sent to.
        raise Forbidden("This invitation was sent to another address", details={"reason": "other_address"})
    member = await carts_members.add_member(db, cart_id=invitation["cart_id"], user_id=user_id, role=invitation["role"])
    if await repository.spend(db, token_hash=token_hash, now=now) is None:
        raise InvalidInvitation()  # accepted twice at once: the membership stands, once
    return InvitationAccepted(cart_id=member["cart_id"], role=member["role"])


async def list_members(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> list[MemberOut]:
    """The owner first, then the members, oldest first (anyone on the cart may see who else is)."""
    access, rows = await carts_members.members(db, user_id=user_id, cart_id=cart_id)
    people = [(access.owner_id, "owner", None)] + [(row["user_id"], row["role"], row["since"]) for row in rows]
    shown = []
    for person_id, role, since in people:
        person = await auth_repository.find_user_by_id(db, person_id)
        if person is None:
            continue
        email = person["email"] if access.is_owner or person_id == user_id else None
        shown.append(MemberOut(user_id=person_id, name=person.get("name"), email=email, role=role, since=since))
    return shown


async def change_role(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, member_id: ObjectId, role: MemberRole
) -> MemberOut:
    row = await carts_members.set_role(db, user_id=user_id, cart_id=cart_id, member_id=member_id, role=role)
    person = await auth_repository.find_user_by_id(db, member_id)
    if person is None:
        raise NotFound("Member not found")
    return MemberOut(
        user_id=member_id, name=person.get("name"), email=person["email"], role=row["role"], since=row["since"]
    )


async def invitations_sent(db: AsyncDatabase, *, user_id: ObjectId) -> list[SentInvitationOut]:
    """The invitations the person sent that are still kept (the account export); expired ones go within days."""
    now = utc_now()

    def status(row: dict[str, Any]) -> Literal["pending", "accepted", "expired"]:
        if row["accepted_at"] is not None:
            return "accepted"
        return "pending" if row["expires_at"] > now else "expired"

    return [
        SentInvitationOut(
            invitation_id=row["_id"],
            cart_id=row["cart_id"],
            email=row["email"],
            role=row["role"],
            status=status(row),
            created_at=row["created_at"],
            expires_at=row["expires_at"],
        )
        for row in await repository.invitations_by(db, user_id=user_id)
    ]


async def forget_invitations_to(db: AsyncDatabase, *, email: str, session: AsyncClientSession) -> None:
    """Account deletion: invitations addressed to the person go too (those they sent go with their carts)."""
    await repository.delete_invitations_to(db, email=email, session=session)


class _Invitations:
    """Invitations go with their cart, and with the account of whoever sent them."""

    async def forget_cart(self, db: AsyncDatabase, *, cart_id: ObjectId, session: AsyncClientSession) -> None:
        await repository.delete_cart_invitations(db, cart_id=cart_id, session=session)

    async def forget_owner(self, db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
        await repository.delete_invitations_by(db, user_id=user_id, session=session)


carts.register_dependent(_Invitations())


async def remove_member(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, member_id: ObjectId) -> None:
    """The owner removes a member, or a member leaves."""
    await carts_members.remove(db, user_id=user_id, cart_id=cart_id, member_id=member_id)

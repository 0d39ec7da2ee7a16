from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status
from fastapi.responses import StreamingResponse

from app.account import service
from app.account.schemas import AccountDeletion, AccountExport, EmailChange, PasswordChange, SessionOut
from app.auth.schemas import Accepted
from app.deps import CurrentUser, Db, GoogleVerifierDep
from app.edge.ratelimit import limit_per_user
from app.ids import PathId

router = APIRouter(prefix="/account", tags=["account"])

# Routes that check a password are limited per user, like sign-in is per IP: no guessing through them.
PasswordCheckLimit = Depends(limit_per_user("rate_limit_auth", scope="account_password_check"))


def _no_content() -> Response:
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT, dependencies=[PasswordCheckLimit])
async def change_password(body: PasswordChange, user: CurrentUser, db: Db) -> Response:
    """Change the password (the current one required); every other session is signed out."""
    await service.change_password(
        db,
        user_id=user.user_id,
        current_password=body.current_password,
        new_password=body.new_password,
        current=user.session_id,
    )
    return _no_content()


@router.post("/email", status_code=status.HTTP_202_ACCEPTED, dependencies=[PasswordCheckLimit])
async def change_email(body: EmailChange, user: CurrentUser, db: Db) -> Accepted:
    """Change the address: it takes effect when the link mailed to the new one is followed; the old one is told."""
    await service.change_email(db, user_id=user.user_id, new_email=body.new_email, password=body.password)
    return Accepted()


@router.get("/sessions")
async def list_sessions(user: CurrentUser, db: Db) -> list[SessionOut]:
    """The signed-in sessions of the account (device, started, last used); `current` marks this one."""
    return await service.list_sessions(db, user_id=user.user_id, current=user.session_id)


@router.delete("/sessions/{session_id}", status_code=status.HTTP_204_NO_CONTENT)
async def end_session(session_id: PathId, user: CurrentUser, db: Db) -> Response:
    """Sign one session out (its refresh token stops working at once)."""
    await service.end_session(db, user_id=user.user_id, session_id=session_id)
    return _no_content()


@router.delete("/sessions", status_code=status.HTTP_204_NO_CONTENT)
async def end_all_sessions(user: CurrentUser, db: Db) -> Response:
    """Sign every session out, this one included."""
    await service.end_all_sessions(db, user_id=user.user_id)
    return _no_content()


@router.get("/export", response_model=AccountExport)
async def export(user: CurrentUser, db: Db) -> StreamingResponse:
    """Everything of the person's, as one JSON document (carts, items, shares, sessions, links, memberships,
    invitations sent, reservations made), streamed."""
    return StreamingResponse(
        await service.export(db, user_id=user.user_id, current=user.session_id),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="buyhive-account.json"', "Cache-Control": "no-store"},
    )


@router.post("/delete", status_code=status.HTTP_204_NO_CONTENT, dependencies=[PasswordCheckLimit])
async def delete_account(body: AccountDeletion, user: CurrentUser, db: Db, google: GoogleVerifierDep) -> Response:
    """Delete the account and all its data, for good (the password, or a Google sign-in made just now, is asked)."""
    identity = await google.verify_sign_in(body.google) if body.google is not None else None
    await service.delete_account(db, user_id=user.user_id, password=body.password, google=identity)
    return _no_content()

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from app.auth import service
from app.auth.schemas import LoginRequest, RefreshRequest, RegisterRequest, TokenPair, UserOut
from app.deps import AppSettings, CurrentUser, Db
from app.edge.ratelimit import limit_per_ip

router = APIRouter(prefix="/auth", tags=["auth"])

# Public endpoints that guess or create accounts are limited per client IP.
PerIpAuthLimit = Depends(limit_per_ip("rate_limit_auth"))


@router.post("/register", status_code=status.HTTP_201_CREATED, dependencies=[PerIpAuthLimit])
async def register(body: RegisterRequest, db: Db, settings: AppSettings) -> TokenPair:
    """Create an account with email and password; returns a token pair."""
    return await service.register(db, settings, email=body.email, password=body.password, name=body.name)


@router.post("/login", dependencies=[PerIpAuthLimit])
async def login(body: LoginRequest, db: Db, settings: AppSettings) -> TokenPair:
    """Sign in with email and password."""
    return await service.login(db, settings, email=body.email, password=body.password)


@router.post("/refresh")
async def refresh(body: RefreshRequest, db: Db, settings: AppSettings) -> TokenPair:
    """Exchange a refresh token for a new pair; the old refresh token is spent."""
    return await service.refresh(db, settings, refresh_token=body.refresh_token)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(body: RefreshRequest, db: Db) -> Response:
    """Revoke the session the refresh token belongs to."""
    await service.logout(db, refresh_token=body.refresh_token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me")
async def me(user: CurrentUser, db: Db) -> UserOut:
    """The signed-in user."""
    return await service.get_user(db, user.user_id)

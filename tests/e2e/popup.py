"""The popup, driven the way a person uses it: by its labels and buttons."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.async_api import Locator, Page, expect


@dataclass
class Popup:
    page: Page

    async def point_at(self, api_base_url: str) -> None:
        """Sets the API address in the popup's settings (the published build defaults to the deployed API)."""
        await self.page.locator("#settings summary").click()
        await self.page.get_by_label("API address").fill(api_base_url)
        await self.page.locator("#settings-form").get_by_role("button", name="Save").click()
        await expect(self.notice).to_have_text("Settings saved.")
        await self.page.locator("#settings summary").click()

    async def sign_in(self, email: str, password: str) -> None:
        form = self.page.locator("#signin-form")
        await form.get_by_label("Email").fill(email)
        await form.get_by_label("Password").fill(password)
        await form.get_by_role("button", name="Sign in").click()
        await expect(self.page.locator("#account-email")).to_have_text(email)

    @property
    def notice(self) -> Locator:
        return self.page.locator("#notice")

    @property
    def product_form(self) -> Locator:
        return self.page.locator("#product-form")

    @property
    def add_button(self) -> Locator:
        return self.page.locator("#add-button")

    def cart_choice(self, name: str) -> Locator:
        return self.page.locator("#cart-choices label", has_text=name).locator("input")

    async def create_cart(self, name: str) -> None:
        await self.page.get_by_label("New cart name").fill(name)
        await self.page.get_by_role("button", name="Create").click()
        await expect(self.cart_choice(name)).to_be_checked()

    async def add(self) -> Locator:
        await self.add_button.click()
        added = self.page.locator("#added")
        await expect(added).to_be_visible()
        return added

    async def open_carts(self) -> None:
        await self.page.locator("#tab-carts").click()
        await expect(self.page.locator("#panel-carts .cart").first).to_be_visible()

    def cart(self, name: str) -> Locator:
        return self.page.locator("#panel-carts .cart", has=self.page.locator(".cart-name", has_text=name))

    async def open_account(self) -> Locator:
        """The account screen, from the link beside the signed-in address."""
        await self.page.locator("#open-account").click()
        await expect(self.page.get_by_role("heading", name="Your account")).to_be_focused()
        panel = self.page.locator("#account-panel")
        await expect(panel.get_by_role("heading", name="Email address")).to_be_visible()
        return panel

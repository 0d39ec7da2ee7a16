"""The popup, driven the way a person uses it: by its labels and buttons."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect


@dataclass
class Popup:
    page: Page

    def point_at(self, api_base_url: str) -> None:
        """Sets the API address in the popup's settings (the published build defaults to the deployed API)."""
        self.page.locator("#settings summary").click()
        self.page.get_by_label("API address").fill(api_base_url)
        self.page.locator("#settings-form").get_by_role("button", name="Save").click()
        expect(self.notice).to_have_text("Settings saved.")
        self.page.locator("#settings summary").click()

    def sign_in(self, email: str, password: str) -> None:
        form = self.page.locator("#signin-form")
        form.get_by_label("Email").fill(email)
        form.get_by_label("Password").fill(password)
        form.get_by_role("button", name="Sign in").click()
        expect(self.page.locator("#account-email")).to_have_text(email)

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

    def create_cart(self, name: str) -> None:
        self.page.get_by_label("New cart name").fill(name)
        self.page.get_by_role("button", name="Create").click()
        expect(self.cart_choice(name)).to_be_checked()

    def add(self) -> Locator:
        self.add_button.click()
        added = self.page.locator("#added")
        expect(added).to_be_visible()
        return added

    def open_carts(self) -> Locator:
        self.page.locator("#tab-carts").click()
        carts = self.page.locator("#panel-carts .cart")
        expect(carts.first).to_be_visible()
        return carts

    def cart(self, name: str) -> Locator:
        return self.page.locator("#panel-carts .cart", has=self.page.locator(".cart-name", has_text=name))

"""The one way emails are rendered: autoescaped Jinja templates kept beside the domain that sends them."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


def email_templates(package: str) -> Environment:
    """The templates in `<package>/templates`, e.g. `email_templates("app.sharing")`."""
    # Autoescaping for .html only: the .txt bodies are plain text, where an entity would show up literally.
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

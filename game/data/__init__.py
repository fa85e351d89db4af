"""Where the game's own data lies: fonts, theme, schemas, templates, shipped scenarios, the guide and
the translations.

In the repository they stay at the top (assets/, scenarios/, docs/), where contributors look for
them; the build carries them into this package as game.data.assets, game.data.scenarios and
game.data.docs (see pyproject.toml), and an editable install maps those names onto the folders.
So a checkout and an installed game find them the same way, through importlib.resources, and no
code looks for them beside the checkout.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

# The functions' names differ from the subpackages': importing game.data.assets sets that attribute.


def assets_folder() -> Path:
    """Fonts, the widgets' theme, the JSON Schemas and the new-scenario templates."""
    return _on_disk(files(f"{__name__}.assets"))


def scenarios_folder() -> Path:
    """The shipped scenarios and their images."""
    return _on_disk(files(f"{__name__}.scenarios"))


def modding_guide() -> Path:
    return _on_disk(files(f"{__name__}.docs")) / "modding.md"


def locale_folder() -> Path:
    """The gettext catalogues, kept in the code's own package game.i18n."""
    return _on_disk(files("game.i18n")) / "locale"


def _on_disk(found: Traversable) -> Path:
    if not isinstance(found, Path):  # the loaders need real files: images, links checked against mods
        raise RuntimeError(f"Bilateral's data ({found}) is not on the file system: install the game unpacked")
    return found

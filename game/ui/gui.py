"""Our thin adapter over pygame_gui: the scenes ask for buttons and texts, never for its classes.

Widgets are rebuilt by the scene when what they show changes; `clear()` drops them all.
"""

from __future__ import annotations

import html
import logging
import math
from collections.abc import Callable
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from game import data
from game.i18n.fonts import font_path
from game.ui.mapview import TextCache

# Colours and fonts of the widgets, in pygame_gui's theme format: a modder may restyle the game
# without touching code. "@toggle" marks a chosen toggle (bright text, a gold border, never mistaken
# for a disabled button); "@list_row" is a list entry, its text at the left.
logger = logging.getLogger(__name__)
TOOLTIP_WIDTH = 320  # a tooltip's lines wrap at this width (pygame_gui's default is narrow)
THEME_FILE = data.assets_folder() / "theme.json"


class ExplainingButton(UIButton):
    """A button whose tooltip shows even while it is disabled: a refused action says why on hover
    (pygame_gui's own disabled buttons ignore the mouse). Disabled, it keeps its disabled look."""

    def can_hover(self) -> bool:
        return not self.is_selected and not self.held

    def on_hovered(self) -> None:
        if self.is_enabled:
            super().on_hovered()
        else:
            self.hover_time = 0.0

    def on_unhovered(self) -> None:
        if self.is_enabled:
            super().on_unhovered()
        elif self.tool_tip is not None:
            self.tool_tip.kill()
            self.tool_tip = None


def tooltip_html(text: str | None, refusal: str | None = None) -> str | None:
    """A tooltip's text: the reason an action is refused first, in bold, then what it does."""
    lines = [html.escape(text).replace("\n", "<br>")] if text else []
    if refusal:
        lines.insert(0, "<b>" + html.escape(refusal).replace("\n", "<br>") + "</b>")
    return "<br>".join(lines) or None


class Gui:
    def __init__(self, size: tuple[int, int]) -> None:
        self.manager = pygame_gui.UIManager(size)
        self.manager.add_font_paths("gamefont", str(font_path()), str(font_path(bold=True)))
        try:  # after the font is known: the theme names it
            self.manager.get_theme().load_theme(str(THEME_FILE))
        except Exception:  # a theme edited wrong must not keep the game from starting: defaults then
            logger.warning("could not load %s; the default look is used", THEME_FILE, exc_info=True)
        # Headings in text boxes are bold: loaded now rather than when first shown.
        self.manager.preload_fonts(
            [{"name": "gamefont", "point_size": 14, "style": "bold", "antialiased": "1"}]
        )
        self._elements: list[Any] = []
        self._entries: dict[UITextEntryLine, Callable[[str], None]] = {}

    def resize(self, size: tuple[int, int]) -> None:
        self.manager.set_window_resolution(size)

    def clear(self) -> None:
        for element in self._elements:
            element.kill()
        self._elements.clear()
        self._entries.clear()

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        command: Callable[[], None],
        *,
        refusal: str | None = None,
        tooltip: str | None = None,
    ) -> UIButton:
        """A button; a refused action shows disabled, with the reason first in its tooltip (which
        shows on hover, disabled or not), then what the action does and costs."""
        widget = self._button(rect, text, command, tooltip_html(tooltip, refusal=refusal))
        if refusal is not None:
            widget.disable()
        return widget

    def _button(
        self, rect: pygame.Rect, text: str, command: Callable[[], None], tooltip: str | None, kind: str = ""
    ) -> UIButton:
        """A button, kept to be cleared; `kind` is its theme class ("@toggle"...); `tooltip` is HTML."""
        widget = ExplainingButton(
            rect,
            text,
            self.manager,
            tool_tip_text=tooltip,
            command=command,
            object_id=ObjectID(class_id=kind) if kind else None,
        )
        widget.tool_tip_wrap_width = TOOLTIP_WIDTH
        self._elements.append(widget)
        return widget

    def label(self, rect: pygame.Rect, text: str) -> UILabel:
        widget = UILabel(rect, text, self.manager)
        self._elements.append(widget)
        return widget

    def text(self, rect: pygame.Rect, lines: list[str]) -> UITextBox:
        """A scrolling box of lines; `**bold**` marks a heading line."""
        rendered = "<br>".join(_line(line) for line in lines)
        widget = UITextBox(rendered, rect, self.manager)
        self._elements.append(widget)
        return widget

    def process(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element in self._entries:
            self._entries[event.ui_element](event.text)
            return True
        return bool(self.manager.process_events(event))

    def update(self, seconds: float) -> None:
        self.manager.update(seconds)

    def draw(self, surface: pygame.Surface) -> None:
        self.manager.draw_ui(surface)

    def toggle(
        self,
        rect: pygame.Rect,
        text: str,
        command: Callable[[], None],
        *,
        selected: bool,
        tooltip: str | None = None,
    ) -> UIButton:
        """A button that shows whether its choice is the chosen one (a filter, a term of a deal)."""
        widget = self._button(rect, text, command, tooltip_html(tooltip), "@toggle")
        if selected:
            widget.select()
        return widget

    def scale_mouse(self, factor_x: float, factor_y: float) -> None:
        """Mouse positions (events and the pointer) are multiplied by these to reach the widgets:
        the window may show the interface scaled (App's interface scale)."""
        self.manager.mouse_pos_scale_factor = [factor_x, factor_y]

    def list_row(self, rect: pygame.Rect, text: str, command: Callable[[], None]) -> UIButton:
        """One entry of a list (a saved game): a wide button whose text starts at the left."""
        return self._button(rect, text, command, None, "@list_row")

    def entry(
        self, rect: pygame.Rect, text: str, on_change: Callable[[str], None], *, digits_only: bool, limit: int
    ) -> UITextEntryLine:
        """A one-line text field; `on_change` hears every edit."""
        widget = UITextEntryLine(rect, self.manager, initial_text=text)
        if digits_only:
            widget.set_allowed_characters("numbers")
        widget.set_text_length_limit(limit)
        self._entries[widget] = on_change
        self._elements.append(widget)
        return widget


TEXT_LINE_HEIGHT = 25  # a line in a text box, as pygame_gui sets our font


def text_box_height(text: TextCache, lines: list[str], width: int) -> int:
    """About the height a text box needs for its lines, wrapped (leaving room for a scroll bar)."""
    rows = 0
    for line in lines:
        bold = line.startswith("**")
        text_width = text.render(line.strip("*") or " ", 14, bold=bold).get_width()
        rows += max(1, math.ceil((text_width + 12) / (width - 30)))
    return max(100, rows * TEXT_LINE_HEIGHT + 14)


def _line(line: str) -> str:
    if line.startswith("**") and line.endswith("**"):
        return f"<b>{html.escape(line[2:-2])}</b>"
    return html.escape(line)

"""The game's fonts, theme, schemas and templates: installed as game.data.assets (see game/data)."""

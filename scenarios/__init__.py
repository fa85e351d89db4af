"""The shipped scenarios: installed as game.data.scenarios (see game/data)."""

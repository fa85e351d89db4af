"""The modding guide: installed as game.data.docs, so `bilateral guide` shows it anywhere (see game/data)."""

"""Bilateral for AI research: a PettingZoo environment (`game.research.env`, which needs the
research extra: pip install 'bilateral[research]'), the action catalogue and the game runner it
is built on (`actions`, `match`: plain Python). docs/research.md is the guide."""

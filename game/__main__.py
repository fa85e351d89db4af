from game.cli import main

raise SystemExit(main(prog="python -m game"))

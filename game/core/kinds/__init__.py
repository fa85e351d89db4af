"""Action kinds, a module a family: each declares its kinds' checks, effects, costs, texts and
controls (see base.py), and how the proposals it sends are answered."""
